-- Triage at volume (issue 20), measured at 10^5 open cases. Three things cost a request more than its page:
--   * a text search read the citizen's description from each candidate case's first event (1.1 s over the 27,000
--     cases of the inbox's stages, for the stage counts);
--   * duplicate suggestions read each candidate's exact place from its first event, and public_cases' place index
--     left the 14-day window to the table (59-258 ms for a page of 50);
--   * the stage counts read every inbox row from the table (100-300 ms until the visibility map caught up).
-- agency_queues is staff-only (it lists confidential cases too), so it now keeps what staff search and compare
-- reports by: the description with the contacts masked (ContactRedaction.MaskContacts: no read model holds a way to
-- reach the reporter; PrivacyTests) and the exact place, as the case's first event has them. These never change after
-- the report is received, so the projection writes them once, when the row is made.
alter table projections.agency_queues
    add column search_text text, add column latitude float8, add column longitude float8;

-- The masking is the domain's own code, not SQL: empty the view and its progress so the daemon refills it from the
-- start of the log (as 0006 and 0011 did). Marten's progress table exists only once Marten has built its schema.
truncate projections.agency_queues;
do $$
begin
    if to_regclass('cases.mt_event_progression') is not null then
        delete from cases.mt_event_progression where name = 'agency_queues:All';
    end if;
end $$;

-- A search by words of the description (ILIKE '%...%') is served by a trigram index; pg_trgm ships with PostgreSQL
-- (contrib) and is a trusted extension. Vietnamese letters count as word characters under the cluster's C.UTF-8.
create extension if not exists pg_trgm with schema public;
-- One index per work list that searches (the inbox's stages, the agencies' open cases), so that a common word
-- ("rác", in one report of seven) is looked for among the list's rows, not among every case ever received.
create index agency_queues_inbox_search on projections.agency_queues using gin (search_text public.gin_trgm_ops)
    where status in ('received', 'verified', 'resolved');
create index agency_queues_open_search on projections.agency_queues using gin (search_text public.gin_trgm_ops)
    where open;

-- The stage counts read this index alone, filters and all (an index-only scan; a text search goes through the
-- trigram index first).
create index agency_queues_inbox_counts on projections.agency_queues (status, agency, category, ward, channel, tracking_code)
    where status in ('received', 'verified', 'resolved');

-- A search by tracking code (a prefix: LIKE 'HUE-2026-0001%') finds its few rows here, not by reading a stage in order.
create index agency_queues_code on projections.agency_queues (tracking_code text_pattern_ops);

-- Duplicate suggestions: cases of a category within 100 m of a point and 14 days of a time, by the exact place. The
-- latitude is cut into strips of 0.001 degree (111 m): the search looks in the three strips its box touches, and in
-- each only along the box's longitudes and the window's days, so it passes over neither the rest of the strip nor
-- cases long past (a plain (category, latitude, longitude) index reads the whole band of latitude: 1,349 entries
-- around the center, against a few dozen). Statuses that can never be a suggestion are left out
-- (InboxQueries.DuplicatesAsync keeps only the cases the public sees as open). With the case and its exact latitude
-- included, the candidates are read from the index alone.
create index agency_queues_nearby on projections.agency_queues
    (category, (floor(latitude * 1000)::int), longitude, received_at) include (case_id, latitude)
    where latitude is not null and status not in ('closed', 'rejected', 'duplicate', 'withdrawn');

-- public_cases' place indexes served only the duplicate search, which no longer reads them.
drop index if exists projections.public_cases_place;
drop index if exists projections.public_cases_open_place;
