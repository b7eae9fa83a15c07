-- The operators' inbox lists cases by internal status (to verify, to assign, to review); only those stages are
-- indexed, since closed cases are most of the table.
create index agency_queues_inbox on projections.agency_queues (status) where status in ('received', 'verified', 'resolved');
