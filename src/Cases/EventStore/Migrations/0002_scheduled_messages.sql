-- Durable scheduled messages (DESIGN 4): deadline warnings, breaches and expiring information requests,
-- written in the same transaction as the events that start or move a clock, claimed by a worker on any
-- node with FOR UPDATE SKIP LOCKED. Exactly-once effect comes from the idempotency key each run carries.

create table cases.scheduled_messages (
    id           uuid primary key,
    stream_id    uuid not null references cases.streams (id),
    type         text not null,
    payload      jsonb not null,
    due_at       timestamptz not null,
    attempts     int not null default 0,
    last_error   text,
    locked_until timestamptz,
    created_at   timestamptz not null default now()
);
create index scheduled_messages_due on cases.scheduled_messages (due_at);
create index scheduled_messages_stream on cases.scheduled_messages (stream_id);

-- A message that kept failing, with its last error, for an operator to look at.
create table cases.dead_letters (
    id          uuid primary key,
    stream_id   uuid not null,
    type        text not null,
    payload     jsonb not null,
    due_at      timestamptz not null,
    attempts    int not null,
    error       text not null,
    failed_at   timestamptz not null default now()
);
