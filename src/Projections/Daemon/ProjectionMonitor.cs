using Cases.EventStore;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Cases.Projections.Daemon;

/// <summary>
/// Each projection's position, lag and dead letters (DESIGN 5 and 8), for <c>projections status</c> and
/// <c>/health/ready</c>. Everything comes from the database, so it answers the same on any node, with or
/// without a daemon running in this process.
/// </summary>
public sealed class ProjectionMonitor(IDocumentStore store, NpgsqlDataSource db, IReadOnlyList<IReadModel> models)
{
    const string Schema = CasesStore.Schema;

    public async Task<IReadOnlyList<ProjectionStatus>> StatusAsync(CancellationToken ct = default)
    {
        var list = new List<ProjectionStatus>(models.Count);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var session = store.QuerySession();
        foreach (var model in models)
        {
            var shard = ShardName.Compose(model.Name);
            // HotCold's lock for the shard, as Marten's distributor computes it (an int key: classid 0, objsubid 1).
            var lockId = ProjectionLockIds.Compute(Schema, shard, ((DocumentStore)store).Options.Projections.DaemonLockId);
            // The lag is counted on mt_events' primary key from the shard's position: cheap while the lag is small,
            // which is when health asks often.
            await using var cmd = new NpgsqlCommand($"""
                with p as (
                    select coalesce((select last_seq_id from {Schema}.mt_event_progression where name = $1), 0) as position,
                           coalesce((select last_seq_id from {Schema}.mt_event_progression where name = 'HighWaterMark'), 0) as hwm)
                select p.position, p.hwm,
                       (select count(*) from {Schema}.mt_events e where e.seq_id > p.position),
                       (select extract(epoch from now() - e.timestamp)::float8 from {Schema}.mt_events e
                        where e.seq_id > p.position order by e.seq_id limit 1),
                       exists (select 1 from pg_locks l
                               where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objsubid = 1 and l.objid::bigint = $2
                                 and l.database = (select oid from pg_database where datname = current_database()))
                from p
                """, conn).With(Param.Text(shard.Identity), Param.Long(lockId));
            long position, hwm, lag;
            double? age;
            bool running;
            // Disposed once, before the next statement: a reader disposed again later acts on the connection's reused reader.
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                await r.ReadAsync(ct);
                (position, hwm, lag, age, running) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.DoubleOrNull(3), r.GetBoolean(4));
            }
            var deadLetters = await session.Query<DeadLetterEvent>().CountAsync(d => d.ProjectionName == model.Name, ct);
            list.Add(new ProjectionStatus(model.Name, shard.Identity, position, hwm, lag, age is { } s ? Math.Max(0, s) : 0, deadLetters, running));
        }
        return list;
    }
}
