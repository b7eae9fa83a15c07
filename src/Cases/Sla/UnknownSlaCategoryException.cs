namespace Cases.Sla;

/// <summary>No SLA policy exists for this kind and category: the catalogue does not declare the category.</summary>
public sealed class UnknownSlaCategoryException(SlaCaseKind kind, string category, string policyVersion)
    : Exception($"The SLA policy catalogue {policyVersion} has no {kind} category '{category}'.")
{
    public SlaCaseKind Kind { get; } = kind;

    public string Category { get; } = category;
}
