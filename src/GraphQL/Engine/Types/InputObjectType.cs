namespace Cases.GraphQL.Engine.Types;

/// <summary>Input object type (spec 3.10); <see cref="IsOneOf"/> marks a @oneOf input object (exactly one field, non-null).</summary>
public sealed class InputObjectType(string name) : NamedTypeBase(name)
{
    public InputValueList Fields { get; init; } = [];
    public bool IsOneOf { get; init; }
}
