-- Triage at volume (issue 20). agency_queues keeps, for each case:
--   channel: where it came in (an inbox filter);
--   flag, flag_reason, flag_at: why it is back in front of someone (reopened by the citizen, resolution returned by
--     the center, the citizen answered a request for information), with the reason, for the console's badges;
--   resolved_at: when the resolution came in, the order of the inbox's "to review".
alter table projections.agency_queues
    add column channel text, add column flag text, add column flag_reason text, add column flag_at timestamptz,
    add column resolved_at timestamptz;

-- The rows so far were folded without these columns: empty the view and its progress so the daemon refills it
-- from the start of the log (as 0006 did), flags and all. Marten's progress table exists only once Marten has built
-- its schema.
truncate projections.agency_queues;
do $$
begin
    if to_regclass('cases.mt_event_progression') is not null then
        delete from cases.mt_event_progression where name = 'agency_queues:All';
    end if;
end $$;

-- Each work list is read by keyset in its order, every key ascending (urgent first as "not urgent" false first, a
-- missing time as a far date), so "after this item" is one row comparison these indexes serve (InboxQueries.Stage,
-- AgencyQueries.QueueAsync).
create index agency_queues_verify_keyset on projections.agency_queues
    ((priority <> 'urgent'), coalesce(verify_due_at, '9999-12-31 00:00:00+00'::timestamptz),
     coalesce(received_at, '9999-12-31 00:00:00+00'::timestamptz), tracking_code)
    where status = 'received';
create index agency_queues_assign_keyset on projections.agency_queues
    ((priority <> 'urgent'), coalesce(effective_due_at, '9999-12-31 00:00:00+00'::timestamptz), tracking_code)
    where status = 'verified' and agency is null;
create index agency_queues_review_keyset on projections.agency_queues
    (coalesce(resolved_at, '9999-12-31 00:00:00+00'::timestamptz), tracking_code)
    where status = 'resolved';
create index agency_queues_open_keyset on projections.agency_queues
    (agency, coalesce(effective_due_at, '9999-12-31 00:00:00+00'::timestamptz), tracking_code)
    where open;
