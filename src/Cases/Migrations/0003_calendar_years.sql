-- Calendar versions the center imported (calendar import, the importCalendar mutation): each a yearly file as
-- text, validated before it is stored. The version in force for a year is its highest revision, here or among
-- the files shipped in the assembly. Rows are never updated or deleted: due times already computed name the
-- version that computed them, and a recompute re-measures with it.
create table cases.calendar_years (
    year        int not null,
    version     text not null,
    revision    int not null,
    file_name   text not null,
    content     text not null,
    sha256      text not null,
    imported_by text not null,
    imported_at timestamptz not null default now(),
    primary key (year, version)
);
