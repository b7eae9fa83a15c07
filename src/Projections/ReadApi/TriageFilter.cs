namespace Cases.Projections.ReadApi;

/// <summary>
/// What a member of staff narrows a work list to (issue 20): a search (a tracking code, or a few words of the
/// citizen's description), a category, a ward, a channel. Every part optional; all given parts must hold.
/// </summary>
public sealed record TriageFilter(string? Search = null, string? Category = null, string? Ward = null, string? Channel = null)
{
    public static readonly TriageFilter None = new();

    /// <summary>A search that looks like a tracking code (HUE-2026-000123, or its start) matches codes only.</summary>
    public string? CodePrefix => Search is { } s && System.Text.RegularExpressions.Regex.IsMatch(s.Trim(), @"^[A-Za-z]{2,5}-\d") ? s.Trim().ToUpperInvariant() : null;

    /// <summary>
    /// Any other search matches the description's text (contacts masked, in composed form: agency_queues.search_text),
    /// case-insensitively, as a LIKE pattern; the words are composed too, so a decomposed "ễ" typed finds a composed one.
    /// </summary>
    public string? TextPattern => CodePrefix is null && !string.IsNullOrWhiteSpace(Search)
        ? "%" + Search.Trim().Normalize(System.Text.NormalizationForm.FormC).Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%" : null;
}
