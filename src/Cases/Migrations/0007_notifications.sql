-- Notifications (issue 22). The contact stays in cases.reporters; these tables hold the consent given with it,
-- what was sent, and the switches that stop sending. Erasure deletes the reporter's row, and the consent with it.

-- What the citizen agreed to at submission: the channels, the language, when, and which wording of the consent
-- text they saw. A channel switched off later (an unsubscribe, a permanent bounce) is kept in `off` with its reason,
-- so staff can see why.
create table cases.reporter_consents (
    reporter_ref  uuid primary key references cases.reporters (ref) on delete cascade,
    channels      text[] not null,
    language      text not null check (language in ('vi', 'en')),
    consented_at  timestamptz not null,
    text_version  text not null,
    off           jsonb not null default '{}'
);

-- "Unsubscribe from everything": the SHA-256 of the normalised address, so no contact is kept here after erasure.
create table cases.notification_optouts (
    address_hash  bytea primary key,
    at            timestamptz not null default now()
);

-- One row per (case, event, recipient, channel): a redelivered message finds its row and sends nothing twice.
-- Several events coalesced into one message share its message_id. `recipient` is 'reporter', 'agency:ID',
-- 'escalation:ID' or 'on-duty'; `event_version` is the case's version of the event, or for a digest 0 and the
-- day in `kind`. The address is kept masked (b***@example.vn) for the staff page.
create table cases.notification_deliveries (
    case_id        uuid not null,
    event_version  bigint not null,
    recipient      text not null,
    channel        text not null,
    kind           text not null,
    status         text not null check (status in ('sending', 'sent', 'delivered', 'failed', 'held', 'no_channel', 'skipped')),
    message_id     uuid not null,
    provider_id    text,
    address_masked text,
    detail         text,
    attempts       int not null default 1,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (case_id, event_version, recipient, channel)
);
create index notification_deliveries_status on cases.notification_deliveries (status) where status in ('sending', 'failed', 'held');
create index notification_deliveries_provider on cases.notification_deliveries (provider_id) where provider_id is not null;

-- The receipt's link carries the citizen's secret, which is otherwise kept only as a hash: held here until the receipt is
-- sent (or the reporter erased), never in Wolverine's tables. Only for reporters who agreed to be told.
create table cases.receipt_links (
    case_id    uuid primary key,
    secret     text not null,
    created_at timestamptz not null default now()
);

-- Where agencies are told: their notification address, and an escalation address for overdue cases.
alter table cases.agencies add column notify_email text, add column escalation_email text;

-- Keys the notifications generate once and share between nodes: the unsubscribe links' HMAC key (and the host's
-- VAPID keys for Web Push when none are configured).
create table cases.notification_keys (
    name  text primary key,
    value bytea not null
);
