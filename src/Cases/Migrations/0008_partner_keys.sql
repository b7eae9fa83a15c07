-- Issue 23: API keys for partner systems (Open311 clients, aggregators, a city's 311 desk) that submit on
-- citizens' behalf and read public views, nothing else.
alter table cases.api_keys drop constraint if exists api_keys_role_check;
alter table cases.api_keys add constraint api_keys_role_check check (role in ('operator', 'agency', 'auditor', 'admin', 'partner'));

-- What an Open311 client says of the reporter beyond name, phone and e-mail: its device and account ids. Personal
-- data like the rest of the row (DESIGN 7): never in an event, never in a public view, deleted by erasure.
alter table cases.reporters add column if not exists device_id text;
alter table cases.reporters add column if not exists account_id text;
-- A photo elsewhere that an Open311 client named (media_url): kept for the center as a reference, never fetched,
-- never published; here rather than in an event because it may show the reporter, and erasure must reach it.
alter table cases.reporters add column if not exists media_url text;
