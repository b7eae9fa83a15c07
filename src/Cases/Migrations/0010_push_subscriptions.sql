-- Web Push (issue 22, part 3): a browser following a case. Turning push on (with the case's secret) is the consent
-- for that case and that browser; the row is deleted when the citizen turns it off or unsubscribes, when the
-- reporter's data is erased, and when the push service answers 404 or 410 (the browser dropped the subscription).
-- `from_version` is the case's version when push was turned on: the browser is told of what happens after, not
-- of the updates it was already looking at.
create table cases.push_subscriptions (
    case_id       uuid not null,
    endpoint      text not null,
    p256dh        text not null,
    auth          text not null,
    language      text not null check (language in ('vi', 'en')),
    from_version  bigint not null,
    created_at    timestamptz not null default now(),
    primary key (case_id, endpoint)
);
