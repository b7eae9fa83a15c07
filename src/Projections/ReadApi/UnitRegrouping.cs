namespace Cases.Projections.ReadApi;

/// <summary>
/// How statistics by ward or agency count a group recorded in a month (issue 24): <see cref="Group"/> names the unit
/// to count it under, and <see cref="Definition"/> says so beside the figures. The administrative map provides it
/// (the read side knows groups only as recorded).
/// </summary>
public sealed record UnitRegrouping(Func<string, DateOnly, string> Group, string Definition)
{
    /// <summary>Every group counts as recorded: only the definition is added (the queries skip the mapping).</summary>
    public bool Identity { get; init; }

    /// <summary>
    /// The days the map changed (each version's first day). <see cref="Group"/> answers the same for every month
    /// between two of them, so a query may sum the months of each era first and map once per era.
    /// </summary>
    public IReadOnlyList<DateOnly> Eras { get; init; } = [];
}
