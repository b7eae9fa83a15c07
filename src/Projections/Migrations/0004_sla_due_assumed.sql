-- Whether a case's due times were computed over days their calendar had no holiday data for (the working week
-- alone counted there), so statistics can say how many due times rest on assumed working days. Rows written
-- before this migration read false until `projections rebuild sla`.
alter table projections.sla_facts
    add column verify_due_assumed boolean not null default false,
    add column due_assumed boolean not null default false;
