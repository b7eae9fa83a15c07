-- The administrative map as dated data (issue 24): versions the center imported (admin-map import, the importAdminMap
-- mutation), each a whole map file as text, validated against the versions before and after it before it is stored.
-- The versions shipped in the assembly count too; rows are never updated or deleted.
create table cases.admin_maps (
    version     text primary key,
    effective   date not null,
    file_name   text not null,
    content     text not null,
    sha256      text not null,
    imported_by text not null,
    imported_at timestamptz not null default now()
);

-- Agencies keep their row when a reform ends them, for the history of the cases they held: the day they ended,
-- the agency that succeeded them (principal successor, followed to today's), and the area they serve.
alter table cases.agencies
    add column ended_on date,
    add column successor text,
    add column area text;
