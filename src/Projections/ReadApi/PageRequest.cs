namespace Cases.Projections.ReadApi;

/// <summary>
/// A page request: at most <c>First</c> items (1 to <see cref="MaxFirst"/>) after the opaque cursor <c>After</c>,
/// or, paging backwards, the <c>Last</c> items before the cursor <c>Before</c> (Relay's connection arguments).
/// <c>OldestFirst</c> reverses the order. The total count costs a second query, so it is only computed when asked.
/// </summary>
public sealed record PageRequest(int First = 20, string? After = null, bool IncludeTotal = false)
{
    /// <summary>Against denial of service: a page never holds more than this.</summary>
    public const int MaxFirst = 100;

    /// <summary>When set, the page is the last <c>Last</c> items before <see cref="Before"/> (or before the end).</summary>
    public int? Last { get; init; }
    public string? Before { get; init; }
    public bool OldestFirst { get; init; }
}
