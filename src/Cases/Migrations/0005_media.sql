-- Uploaded photos (issue 14). The catalogue is always here; the bytes live behind IMediaBlobs, embedded in
-- cases.media_blobs by default (an S3-compatible store may hold them instead). A row without a case is an upload
-- no submission has referenced yet: removed after a day.
create table if not exists cases.media (
    id          uuid primary key,
    case_id     uuid,                 -- set in the same transaction as the event that first references it
    width       int not null,         -- of the stored (re-encoded) image
    height      int not null,
    byte_size   int not null,
    created_at  timestamptz not null,
    attached_at timestamptz
);
create index if not exists media_unattached on cases.media (created_at) where case_id is null;

-- The re-encoded JPEG ('full') and its thumbnail ('thumb'), metadata stripped.
create table if not exists cases.media_blobs (
    media_id uuid not null,
    variant  text not null check (variant in ('full', 'thumb')),
    content  bytea not null,
    primary key (media_id, variant)
);
