using System.Security.Cryptography;
using System.Text;

namespace Cases.Projections.Daemon;

/// <summary>
/// The advisory lock keys of a projection (PostgreSQL 15 docs, 9.27.10 "Advisory Lock Functions"), derived from
/// its name so every node computes the same ones:
/// <list type="bullet">
/// <item><c>Swap</c>: every live batch takes it shared for its transaction; a rebuild's swap takes it exclusively,
/// so the swap waits for the batch in flight and the next batch waits for the swap, and neither touches the
/// other's tables in between.</item>
/// <item><c>Rebuild</c>: one rebuild of a projection at a time.</item>
/// </list>
/// Which node runs a projection is Marten's business (its HotCold daemon's own locks).
/// </summary>
internal static class LockKeys
{
    public static long Swap(string projection) => Key("swap", projection);
    public static long Rebuild(string projection) => Key("rebuild", projection);

    static long Key(string purpose, string projection) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"cases.projections/{purpose}/{projection}")), 0);
}
