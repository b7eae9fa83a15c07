-- Issue 26: what tells clients apart must be the same on every node and after every restart.

-- The salt of the pseudonymous client id (an HMAC of the client's address, used for rate limits and in event
-- headers). One row: drawn once by the first node that needs it, read by every other; `IpHashSalt` in
-- configuration overrides it. Rotating it (`clients rotate-salt`) replaces the row; nodes read it again within
-- a minute. Old event headers keep the old ids, which can then no longer be linked to an address.
create table if not exists cases.client_salt (
    id         smallint primary key default 1 check (id = 1),
    salt       bytea not null,
    created_at timestamptz not null default now()
);

-- Request counts per client and minute, shared by every node (submissions, uploads). Unlogged: a crash may
-- forget a minute's counts, which only lets a client start that minute afresh; the writes skip the WAL.
create unlogged table if not exists cases.rate_counts (
    bucket       text not null,
    client       text not null,
    window_start timestamptz not null,
    hits         integer not null,
    primary key (bucket, client, window_start)
);
