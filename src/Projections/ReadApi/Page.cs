namespace Cases.Projections.ReadApi;

/// <summary>
/// A page of items with the cursors of its first and last items, whether more follow in the page's order and
/// whether some come before it, and the total when asked for.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? EndCursor, bool HasNextPage, long? TotalCount,
    string? StartCursor = null, bool HasPreviousPage = false);
