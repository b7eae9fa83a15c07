-- Statistics by one dimension at a time (DESIGN 5, "flat as data grows"). sla_monthly's cells multiply as cases
-- spread over agencies x categories x wards x channels; a statistics query grouped by one of them reads every
-- cell of the period. sla_rollup holds the same counts per (dimension, group, month), dimension being 'agency',
-- 'category', 'ward', 'channel' or 'all' (group ''): a few thousand rows a year, whatever the number of cases.
-- It also holds flows for the stock of open cases, so "open (and overdue) at the end of a month" is a running
-- sum of months rather than a scan of sla_facts: opened in the month a cycle started, closed in the month it
-- ended; overdue_from in the month a case became open-and-overdue, overdue_to in the month that stopped (it
-- ended, or its clock paused for the citizen).
create table projections.sla_rollup (
    dimension        text not null,
    grp              text not null,
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
    opened           bigint not null default 0,
    closed           bigint not null default 0,
    overdue_from     bigint not null default 0,
    overdue_to       bigint not null default 0,
    primary key (dimension, grp, month)
);

-- The rollup starts empty: the statistics projection starts again from the beginning of the log, and the
-- daemon refills all three tables (a rebuild in progress starts afresh: its shadow lacks the new table).
delete from projections.sla_facts;
delete from projections.sla_monthly;
update projections.checkpoints set tx_id = '0'::xid8, seq = 0, updated_at = now() where name = 'sla';
delete from projections.checkpoints where name = 'sla#rebuild';
delete from projections.projection_errors where name = 'sla';
