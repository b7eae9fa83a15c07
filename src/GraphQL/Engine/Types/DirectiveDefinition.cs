using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>Where a directive may appear (spec 3.13 "DirectiveLocations").</summary>
public enum DirectiveLocation
{
    Query, Mutation, Subscription, Field, FragmentDefinition, FragmentSpread, InlineFragment, VariableDefinition,
    FragmentVariableDefinition, Schema, Scalar, Object, FieldDefinition, ArgumentDefinition, Interface, Union, Enum, EnumValue,
    InputObject, InputFieldDefinition, DirectiveDefinition,
}

public static class DirectiveLocations
{
    private static readonly string[] Names =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "FRAGMENT_VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION",
    ];

    /// <summary>The spec name, e.g. FRAGMENT_SPREAD.</summary>
    public static string SpecName(this DirectiveLocation location) => Names[(int)location];

    public static DirectiveLocation? FromSpecName(string name)
    {
        var i = Array.IndexOf(Names, name);
        return i < 0 ? null : (DirectiveLocation)i;
    }
}

/// <summary>A directive definition (spec 3.13).</summary>
public sealed class DirectiveDefinition(string name, params DirectiveLocation[] locations)
{
    public string Name { get; } = name;
    public string? Description { get; init; }
    public IReadOnlyList<DirectiveLocation> Locations { get; } = locations;
    public InputValueList Arguments { get; init; } = [];
    public bool IsRepeatable { get; init; }

    /// <summary>@deprecated(reason:) on the directive definition (graphql-js 17) — null when not deprecated.</summary>
    public string? DeprecationReason { get; init; }

    public DirectiveDefinitionNode? AstNode { get; init; }

    public override string ToString() => "@" + Name;
}
