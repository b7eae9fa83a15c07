namespace Cases.Sla;

/// <summary>The priority a field report is classified with; it selects the tighter or looser limits.</summary>
public enum SlaPriority
{
    Normal,

    /// <summary>A danger to people or traffic, or an ongoing violation: shorter limits.</summary>
    Urgent,
}
