-- The inbox's "to verify". Cases to verify are worked urgent first, then by their verification due time.
-- agency_queues now keeps that time (and the time received, the next tie-break), so "to verify" reads a page in this
-- index's order like the other stages, instead of ranking every waiting case by sla_facts (631 ms a request with
-- 10^4 cases waiting).
alter table projections.agency_queues add column received_at timestamptz, add column verify_due_at timestamptz;

-- The status a case waiting for the citizen returns to when answered (the domain's ResumeStatus): a report asked
-- for more before it was verified goes back to be verified, not on to be assigned. Null on rows waiting before
-- this migration, which keep the earlier rule.
alter table projections.agency_queues add column resume_status text;

-- Rows already projected take both from the case's latest SLA cycle; the projection keeps them from here on.
update projections.agency_queues q
set received_at = f.received_at, verify_due_at = f.verify_due_at
from (select distinct on (case_id) case_id, received_at, verify_due_at
      from projections.sla_facts order by case_id, cycle desc) f
where f.case_id = q.case_id;

create index agency_queues_to_verify on projections.agency_queues
    ((priority = 'urgent') desc, verify_due_at, received_at, tracking_code)
    where status = 'received';

-- Duplicate suggestions look in a small box around each report to verify: with the longitude in the index too,
-- the reports of the same category outside the box are passed over in the index instead of each read from the
-- table (about 4 % of a category lies in the box's band of latitude).
drop index if exists projections.public_cases_place;
create index public_cases_place on projections.public_cases (category, latitude, longitude) where latitude is not null;
