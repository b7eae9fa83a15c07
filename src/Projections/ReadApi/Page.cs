namespace Cases.Projections.ReadApi;

/// <summary>A page of items, the cursor of its last item, whether more follow, and the total when asked for.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? EndCursor, bool HasNextPage, long? TotalCount);
