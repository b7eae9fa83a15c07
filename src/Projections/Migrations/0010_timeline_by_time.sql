-- Issue 23: Open311's servicerequestupdates reads every public step in a window of time, across cases.
create index if not exists public_timeline_occurred on projections.public_timeline (occurred_at, tracking_code, version);
