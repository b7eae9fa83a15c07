namespace Cases.Projections.Daemon;

/// <summary>
/// Where a projection writes: the live tables, or the shadow copies a rebuild fills before swapping them in
/// (DESIGN 5). Projections name every table through this, e.g. <c>{tables["public_cases"]}</c>.
/// </summary>
public sealed record ProjectionTables(string Suffix)
{
    public const string Schema = "projections";
    public const string RebuildSuffix = "__rebuild";

    public static readonly ProjectionTables Live = new("");
    public static readonly ProjectionTables Rebuild = new(RebuildSuffix);

    /// <summary>The qualified name of <paramref name="table"/> in this set, e.g. <c>projections.public_cases__rebuild</c>.</summary>
    public string this[string table] => $"{Schema}.{table}{Suffix}";
}
