-- In a database from before the move onto Marten, cases.case_secrets still references the old cases.streams;
-- a secret now belongs to a Marten stream (cases.mt_streams, owned by Marten), so the reference goes.
alter table cases.case_secrets drop constraint if exists case_secrets_stream_id_fkey;
