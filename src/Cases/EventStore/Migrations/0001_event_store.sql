-- The event store (DESIGN 3). Append-only events with a per-stream SHA-256 chain, stamped with the id of the
-- transaction that wrote them so the projection daemon can read in commit order without gaps (DESIGN 3.1).

create table cases.streams (
    id            uuid primary key,
    kind          text not null,
    tracking_code text unique,
    version       bigint not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    archived      boolean not null default false
);

create table cases.events (
    seq         bigint generated always as identity primary key,
    tx_id       xid8 not null default pg_current_xact_id(),
    stream_id   uuid not null references cases.streams (id),
    version     bigint not null,
    type        text not null,
    data        jsonb not null,
    metadata    jsonb not null,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default now(),
    prev_hash   bytea,
    hash        bytea not null,
    unique (stream_id, version)
);

-- The daemon's read: events of finished transactions after a (tx_id, seq) checkpoint, in that order.
create index events_tx_id_seq on cases.events (tx_id, seq);

-- A repeated command returns its first result: the stream and the version it left.
create table cases.processed_commands (
    key         text primary key,
    stream_id   uuid not null,
    version     bigint not null,
    recorded_at timestamptz not null default now()
);

-- Reporters' personal data lives here and only here: events carry the ref. Erasure deletes the row (DESIGN 7).
create table cases.reporters (
    ref        uuid primary key,
    name       text,
    phone      text,
    email      text,
    address    text,
    created_at timestamptz not null default now()
);

-- The running number in tracking codes (HUE-2026-004211).
create sequence cases.tracking_numbers;

-- The chain link: SHA-256 over the previous hash and the event's fields, each variable-length field
-- prefixed by its byte length so no two different events can share an input. jsonb's text output is
-- canonical (key order, spacing), so the verifier can recompute it from what is stored. The metadata
-- (who acted, which command) is covered too: an auditor must be able to trust the actor as much as the data.
create function cases.event_hash(
    p_prev bytea, p_stream_id uuid, p_version bigint, p_type text, p_data jsonb, p_metadata jsonb, p_occurred_at timestamptz)
returns bytea language sql immutable as $$
    select sha256(
        coalesce(p_prev, ''::bytea)
        || uuid_send(p_stream_id)
        || int8send(p_version)
        || int4send(octet_length(convert_to(p_type, 'UTF8'))) || convert_to(p_type, 'UTF8')
        || int4send(octet_length(convert_to(p_data::text, 'UTF8'))) || convert_to(p_data::text, 'UTF8')
        || int4send(octet_length(convert_to(p_metadata::text, 'UTF8'))) || convert_to(p_metadata::text, 'UTF8')
        || int8send((extract(epoch from p_occurred_at) * 1000000)::bigint))
$$;

-- Append in one round trip. The expected version is checked under the stream's row lock before any
-- sequence number is taken; a mismatch raises SQLSTATE CA001 (CASE_CONCURRENCY_CONFLICT). The unique
-- (stream_id, version) index is the backstop. The idempotency key is recorded in the same transaction.
create function cases.append_events(
    p_stream_id uuid, p_kind text, p_tracking_code text, p_expected_version bigint,
    p_types text[], p_data jsonb[], p_metadata jsonb[], p_occurred_at timestamptz[], p_idempotency_key text)
returns bigint language plpgsql as $$
declare
    v_version bigint;
    v_prev    bytea;
    v_hash    bytea;
begin
    if p_expected_version = 0 then
        insert into cases.streams (id, kind, tracking_code, version)
        values (p_stream_id, p_kind, p_tracking_code, 0)
        on conflict (id) do nothing;
        if not found then
            select version into v_version from cases.streams where id = p_stream_id;
            raise exception using errcode = 'CA001', detail = v_version::text,
                message = format('stream %s: expected version 0, found %s', p_stream_id, v_version);
        end if;
        v_version := 0;
    else
        select version into v_version from cases.streams where id = p_stream_id for update;
        if not found then
            raise exception using errcode = 'CA002', message = format('stream %s does not exist', p_stream_id);
        end if;
        if v_version <> p_expected_version then
            raise exception using errcode = 'CA001', detail = v_version::text,
                message = format('stream %s: expected version %s, found %s', p_stream_id, p_expected_version, v_version);
        end if;
        select hash into v_prev from cases.events where stream_id = p_stream_id and version = v_version;
    end if;

    for i in 1 .. coalesce(array_length(p_types, 1), 0) loop
        v_version := v_version + 1;
        v_hash := cases.event_hash(v_prev, p_stream_id, v_version, p_types[i], p_data[i], p_metadata[i], p_occurred_at[i]);
        insert into cases.events (stream_id, version, type, data, metadata, occurred_at, prev_hash, hash)
        values (p_stream_id, v_version, p_types[i], p_data[i], p_metadata[i], p_occurred_at[i], v_prev, v_hash);
        v_prev := v_hash;
    end loop;

    update cases.streams set version = v_version, updated_at = now() where id = p_stream_id;
    if p_idempotency_key is not null then
        insert into cases.processed_commands (key, stream_id, version) values (p_idempotency_key, p_stream_id, v_version);
    end if;
    return v_version;
end
$$;

-- Events are never changed or removed by the application. (A superuser can still disable this; the hash
-- chain is what proves nobody did.)
create function cases.refuse_event_change() returns trigger language plpgsql as $$
begin
    raise exception using errcode = 'CA003', message = 'cases.events is append-only';
end
$$;
create trigger events_append_only before update or delete or truncate on cases.events
    for each statement execute function cases.refuse_event_change();
