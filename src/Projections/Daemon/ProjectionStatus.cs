namespace Cases.Projections.Daemon;

/// <summary>
/// One projection's health (DESIGN 5 and 8), as the database knows it, so every node and the CLI see the same:
/// <list type="bullet">
/// <item><c>Shard</c>: Marten's shard, e.g. <c>public_cases:All</c>; <c>Position</c>: its <c>last_seq_id</c> in
/// <c>mt_event_progression</c> (0 before its first batch).</item>
/// <item><c>HighWaterMark</c>: how far the daemon may read (every event up to it is committed or known dead).</item>
/// <item><c>LagEvents</c>: committed events after <c>Position</c>; <c>LagSeconds</c>: the age of the oldest of
/// them (0 when none). An append held open holds the high-water mark, and with it every projection, back: the
/// lag shows it.</item>
/// <item><c>DeadLetters</c>: events the daemon skipped for this projection (<c>mt_doc_deadletterevent</c>): each
/// is missing from the live view until a rebuild with a fixed read model.</item>
/// <item><c>Running</c>: a node's HotCold daemon holds this shard's lock. A daemon started alone
/// (<c>BuildProjectionDaemonAsync</c>) takes no lock and shows as not running.</item>
/// </list>
/// </summary>
public sealed record ProjectionStatus(
    string Name, string Shard, long Position, long HighWaterMark, long LagEvents, double LagSeconds, long DeadLetters, bool Running);
