-- What was reported, for the public (issue 14): the summary the center published at verification, the citizen's
-- photos (public once verified) and the agency's photos of the result. pending_photos holds a report's photos
-- until it is verified; the read API never selects it.
alter table projections.public_cases
    add column public_summary text,
    add column photos         text[] not null default '{}',
    add column after_photos   text[] not null default '{}',
    add column pending_photos text[] not null default '{}';

-- The rows so far were folded without these columns: empty the view and its progress so the daemon refills it
-- from the start of the log (as 0003 did). Marten's progress table exists only once Marten has built its schema.
truncate projections.public_cases, projections.public_timeline;
do $$
begin
    if to_regclass('cases.mt_event_progression') is not null then
        delete from cases.mt_event_progression where name = 'public_cases:All';
    end if;
end $$;
