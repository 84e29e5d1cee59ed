-- One running Sync per connection, across every replica: older duplicates left by the unguarded past are ended first.
update sync_run r
set status = 'FAILED', last_error = 'superseded: another run of the connection was running', finished_at = now()
where r.status = 'RUNNING'
  and exists (select 1 from sync_run o
              where o.connection_id = r.connection_id and o.status = 'RUNNING'
                and (o.started_at > r.started_at or (o.started_at = r.started_at and o.id > r.id)));

create unique index sync_run_one_running_per_connection on sync_run (connection_id) where status = 'RUNNING';
