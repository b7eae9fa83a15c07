namespace Cases.Projections.ReadApi;

/// <summary>
/// A page request: at most <c>First</c> items (1 to <see cref="MaxFirst"/>) after the opaque cursor <c>After</c>;
/// the total count costs a second query, so it is only computed when asked for.
/// </summary>
public sealed record PageRequest(int First = 20, string? After = null, bool IncludeTotal = false)
{
    /// <summary>Against denial of service: a page never holds more than this.</summary>
    public const int MaxFirst = 100;
}
