-- Staff accounts for the console (DESIGN 7): the center's operators, agencies' staff, auditors and admins.
-- Passwords are stored only as ASP.NET Core Identity PasswordHasher hashes (PBKDF2, versioned format). A login is
-- never deleted, only disabled, so the audit trail and the events' actor ids keep naming someone.
create table cases.staff_users (
    login           text primary key,
    name            text not null,
    role            text not null check (role in ('operator', 'agency', 'auditor', 'admin')),
    agency_id       text references cases.agencies (id),
    password_hash   text not null,
    created_at      timestamptz not null,
    disabled_at     timestamptz,
    failed_attempts int not null default 0,     -- failures since the last success
    locked_until    timestamptz,
    last_sign_in_at timestamptz,
    check ((role = 'agency') = (agency_id is not null))
);

-- A session is the SHA-256 of the cookie's random token; the token itself is only in the browser. Expired and
-- revoked rows stay for the audit; the index serves the look-up of live ones.
create table cases.staff_sessions (
    token_hash     bytea primary key,
    login          text not null references cases.staff_users (login),
    csrf_token     text not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    client_ip_hash text not null
);
create index staff_sessions_login on cases.staff_sessions (login) where revoked_at is null;

-- Every sign-in, failure, lock-out, sign-out, account change and view of a reporter's contact, for the auditors.
create table cases.staff_audit (
    id             bigint generated always as identity primary key,
    at             timestamptz not null,
    login          text,
    event          text not null,
    detail         jsonb not null default '{}',
    correlation_id text,
    client_ip_hash text
);
create index staff_audit_login on cases.staff_audit (login, at);
