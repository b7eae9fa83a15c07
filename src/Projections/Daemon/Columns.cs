using System.Data.Common;
using NodaTime;

namespace Cases.Projections.Daemon;

/// <summary>Reading nullable columns as the types the read side uses.</summary>
internal static class Columns
{
    public static string? TextOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    public static Instant Time(this DbDataReader r, int i) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));
    public static Instant? TimeOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Time(i);
    public static bool? BoolOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);
    public static int? IntOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
    public static long? LongOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
    public static double? DoubleOrNull(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
