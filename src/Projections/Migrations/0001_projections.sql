-- The read side (DESIGN 5): the daemon's bookkeeping and the read models. Every read model is a plain table
-- a projection owns; a rebuild builds a copy named <table>__rebuild (created LIKE the live table, indexes
-- included) and swaps it in, so nothing here may depend on a read model's table by name (no foreign keys,
-- no views).

create schema if not exists projections;

-- Where each projection is in the commit-ordered log (DESIGN 3.1). A rebuild in progress keeps its own row,
-- named '<projection>#rebuild', so it can resume after an interruption.
create table projections.checkpoints (
    name       text primary key,
    tx_id      xid8 not null,
    seq        bigint not null,
    updated_at timestamptz not null default now()
);

-- The event a projection could not apply (a poison event): while a row is here the projection is stopped.
create table projections.projection_errors (
    name       text primary key,
    tx_id      xid8 not null,
    seq        bigint not null,
    stream_id  uuid not null,
    event_type text not null,
    error      text not null,
    failed_at  timestamptz not null default now()
);

-- Operators' explicit skips of poison events: what was skipped, why, and the error it caused.
create table projections.skipped_events (
    name       text not null,
    tx_id      xid8 not null,
    seq        bigint not null,
    stream_id  uuid not null,
    event_type text not null,
    reason     text not null,
    error      text,
    skipped_at timestamptz not null default now(),
    primary key (name, tx_id, seq)
);

-- One row per public case. No reporter data, ever; confidential (misconduct) cases have no row at all.
-- case_id links the rows of the read side and is never shown; the public key is the tracking code.
create table projections.public_cases (
    case_id              uuid primary key,
    tracking_code        text not null unique,
    kind                 text not null,
    category             text not null,
    ward                 text not null,
    latitude             double precision,  -- rounded to 3 decimals (~110 m)
    longitude            double precision,
    channel              text not null,
    public_status        text not null,
    resume_status        text,              -- the public status a reply from the citizen returns to
    lead_agency          text,
    duplicate_of         text,              -- the master's tracking code, when public
    cycle                int not null,
    received_at          timestamptz not null,
    verify_due_at        timestamptz,
    due_at               timestamptz,
    extended_due_at      timestamptz,
    resolved_at          timestamptz,
    on_time              boolean,
    public_answer        text,
    rating               int,
    apology_issued       boolean not null default false,
    apology_due_at       timestamptz,
    apology_text         text,
    version              bigint not null,
    updated_at           timestamptz not null
);
-- The public list: newest first with a stable tie-break, optionally filtered.
create index public_cases_received on projections.public_cases (received_at desc, tracking_code);
create index public_cases_ward on projections.public_cases (ward, received_at desc, tracking_code);
create index public_cases_category on projections.public_cases (category, received_at desc, tracking_code);
create index public_cases_agency on projections.public_cases (lead_agency, received_at desc, tracking_code);
create index public_cases_status on projections.public_cases (public_status, received_at desc, tracking_code);

-- One row per public step of a public case, in version order.
create table projections.public_timeline (
    case_id       uuid not null,
    version       bigint not null,
    tracking_code text not null,
    occurred_at   timestamptz not null,
    step          text not null,
    agency        text,
    public_text   text,
    due_at        timestamptz,
    primary key (case_id, version)
);
create index public_timeline_code on projections.public_timeline (tracking_code, version);

-- One row per case and cycle (a reopened report starts a new cycle; the earlier result stays): every clock's
-- start, due, stop and result, and the working time each step took. The source of all statistics.
create table projections.sla_facts (
    case_id              uuid not null,
    cycle                int not null,
    tracking_code        text not null,
    kind                 text not null,
    category             text not null,
    ward                 text not null,
    channel              text not null,
    priority             text not null,
    confidential         boolean not null,
    lead_agency          text,
    status               text not null,      -- open | resolved | rejected | closed | duplicate | withdrawn
    received_at          timestamptz not null,
    cycle_started_at     timestamptz not null,
    verify_due_at        timestamptz,
    verified_at          timestamptz,        -- verified, rejected, dossier accepted or refused
    rejected_at          timestamptz,
    assigned_at          timestamptz,        -- first assignment of the cycle
    resolve_started_at   timestamptz,        -- the main clock: first assignment (report), acceptance (dossier)
    due_at               timestamptz,
    extended_due_at      timestamptz,
    apology_due_at       timestamptz,
    paused_at            timestamptz,        -- set while waiting for the citizen
    pauses               int not null default 0,
    paused_seconds       bigint not null default 0,
    paused_working_seconds bigint not null default 0,
    resolved_at          timestamptz,
    late                 boolean,
    ended_at             timestamptz,        -- resolved or final: no longer open
    rated_at             timestamptz,
    rating               int,
    satisfied            boolean,
    verify_working_seconds  bigint,          -- receipt to verification, working time
    assign_working_seconds  bigint,          -- receipt to first assignment
    resolve_working_seconds bigint,          -- cycle start to resolution
    version              bigint not null,
    primary key (case_id, cycle)
);
create index sla_facts_resolved on projections.sla_facts (resolved_at) where resolved_at is not null;
create index sla_facts_verified on projections.sla_facts (verified_at) where verified_at is not null;
create index sla_facts_assigned on projections.sla_facts (assigned_at) where assigned_at is not null;
create index sla_facts_open on projections.sla_facts (cycle_started_at, ended_at);

-- Pre-aggregated counts per agency x category x ward x channel x local month (Asia/Ho_Chi_Minh). agency ''
-- means no agency yet. Each count sits in the month its event happened: received in the receipt month,
-- resolved/on time/late in the resolution month, rejected in the rejection month, ratings in the rating month.
create table projections.sla_monthly (
    agency           text not null,
    category         text not null,
    ward             text not null,
    channel          text not null,
    month            date not null,
    received         bigint not null default 0,
    resolved         bigint not null default 0,
    resolved_on_time bigint not null default 0,
    resolved_late    bigint not null default 0,
    rejected         bigint not null default 0,
    rating_count     bigint not null default 0,
    rating_sum       bigint not null default 0,
    rating_1         bigint not null default 0,
    rating_2         bigint not null default 0,
    rating_3         bigint not null default 0,
    rating_4         bigint not null default 0,
    rating_5         bigint not null default 0,
    satisfied        bigint not null default 0,
    primary key (agency, category, ward, channel, month)
);
create index sla_monthly_month on projections.sla_monthly (month);

-- One row per case; the agency's work list is the open rows of one agency, soonest due first.
create table projections.agency_queues (
    case_id          uuid primary key,
    tracking_code    text not null,
    kind             text not null,
    category         text not null,
    priority         text not null,
    ward             text not null,
    confidential     boolean not null,
    agency           text,
    supporting_agencies text[] not null default '{}',
    status           text not null,          -- the internal status, e.g. assigned, in_progress
    open             boolean not null,       -- in the agency's queue now
    assigned_at      timestamptz,
    accept_due_at    timestamptz,
    accepted         boolean not null default false,
    clock_started_at timestamptz,
    due_at           timestamptz,
    extended_due_at  timestamptz,
    effective_due_at timestamptz,
    due_soon_at      timestamptz,            -- when less than 20 % of the allowed time is left
    waiting_for_citizen boolean not null default false,
    version          bigint not null
);
create index agency_queues_open on projections.agency_queues (agency, effective_due_at) where open;
