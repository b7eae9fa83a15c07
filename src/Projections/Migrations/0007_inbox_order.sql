-- The inbox's stages read a page of agency_queues in the inbox's order (urgent first, then the soonest due) before
-- anything is joined, so a stage with many cases (resolved reports awaiting review) costs a page, not the stage.
drop index if exists projections.agency_queues_inbox;
create index agency_queues_inbox on projections.agency_queues
    (status, (priority = 'urgent') desc, effective_due_at, tracking_code)
    where status in ('received', 'verified', 'resolved');

-- Duplicate suggestions look for open public cases of a category within a small box around a point.
create index public_cases_place on projections.public_cases (category, latitude) where latitude is not null;
