-- Who may act (DESIGN 7). API keys for operators, agencies, auditors and admins are stored as SHA-256
-- hashes (the key itself is shown once, at creation); the citizen's secret for a case likewise.

create table cases.api_keys (
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

create table cases.case_secrets (
    stream_id   uuid primary key references cases.streams (id),
    secret_hash bytea not null
);

-- The agencies cases are assigned to: reference data, not event-sourced.
create table cases.agencies (
    id     text primary key,
    name   text not null,
    name_en text,
    kind   text not null,
    ward   text
);
