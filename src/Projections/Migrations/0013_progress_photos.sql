-- The agency's photos of the work under way (issue 20, part 2: a progress note carries photos), public like the after
-- photos. No refill: no progress note stored before this migration has photos, so the default is every row's value.
alter table projections.public_cases
    add column progress_photos text[] not null default '{}';
