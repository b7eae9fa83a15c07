-- What Marten does not own (DESIGN 3): reporters' personal data, the tracking-code numbers, access and the
-- agency registry. The events themselves are Marten's (cases.mt_events, cases.mt_streams), created and
-- upgraded by Marten; Wolverine's envelopes and scheduled messages are Wolverine's (schema wolverine).
-- "if not exists" throughout: a database from before the move onto Marten already has these tables.

-- Reporters' personal data lives here and only here: events carry the ref. Erasure deletes the row (DESIGN 7).
create table if not exists cases.reporters (
    ref        uuid primary key,
    name       text,
    phone      text,
    email      text,
    address    text,
    created_at timestamptz not null default now()
);

-- The running number in tracking codes (HUE-2026-004211).
create sequence if not exists cases.tracking_numbers;

-- Who may act (DESIGN 7). API keys for operators, agencies, auditors and admins are stored as SHA-256
-- hashes (the key itself is shown once, at creation); the citizen's secret for a case likewise.
create table if not exists cases.api_keys (
    id         uuid primary key,
    name       text not null,
    role       text not null check (role in ('operator', 'agency', 'auditor', 'admin')),
    agency_id  text,
    key_hash   bytea not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz,
    revoked_at timestamptz,
    check ((role = 'agency') = (agency_id is not null))
);

-- Written in the same transaction as the case's first event (the Marten session that appends it).
create table if not exists cases.case_secrets (
    stream_id   uuid primary key,
    secret_hash bytea not null
);

-- The agencies cases are assigned to: reference data, not event-sourced.
create table if not exists cases.agencies (
    id      text primary key,
    name    text not null,
    name_en text,
    kind    text not null,
    ward    text
);
