using System.Security.Cryptography;
using System.Text;

namespace Cases.Projections.Daemon;

/// <summary>
/// The advisory lock keys of a projection (PostgreSQL 15 docs, 9.27.10 "Advisory Lock Functions"), derived from
/// its name so every node computes the same ones:
/// <list type="bullet">
/// <item><c>Runner</c>: held at session level, on a dedicated connection, by the one node running the projection.</item>
/// <item><c>Swap</c>: every live batch takes it shared for its transaction; a rebuild's swap takes it exclusively,
/// so the swap waits for the batch in flight and the next batch waits for the swap, without deadlocks, because
/// both take it before touching any table.</item>
/// <item><c>Rebuild</c>: one rebuild of a projection at a time.</item>
/// </list>
/// </summary>
internal static class LockKeys
{
    public static long Runner(string projection) => Key("runner", projection);
    public static long Swap(string projection) => Key("swap", projection);
    public static long Rebuild(string projection) => Key("rebuild", projection);

    static long Key(string purpose, string projection) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"cases.projections/{purpose}/{projection}")), 0);

    /// <summary>A bigint key as pg_locks shows it: classid holds the high 32 bits, objid the low 32 bits.</summary>
    public static (long ClassId, long ObjId) AsPgLocks(long key) => ((long)((ulong)key >> 32), (long)((ulong)key & 0xFFFF_FFFF));
}
