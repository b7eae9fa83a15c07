using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>
/// Scalar type (spec 3.5). The three functions follow graphql-js GraphQLScalarType: <see cref="SerializeValue"/>
/// (internal to response), <see cref="ParseValueFunc"/> (variable input) and <see cref="ParseLiteralFunc"/> (literal);
/// each throws <see cref="Errors.GraphQLException"/> with the message to report.
/// </summary>
public sealed class ScalarType(string name) : NamedTypeBase(name), ILeafType
{
    /// <summary>@specifiedBy(url:) — where the scalar's behaviour is specified.</summary>
    public string? SpecifiedByUrl { get; init; }

    public Func<object?, object?> SerializeValue { get; init; } = v => v;
    public Func<object?, object?> ParseValueFunc { get; init; } = v => v;

    /// <summary>Defaults to graphql-js valueFromASTUntyped followed by <see cref="ParseValueFunc"/>.</summary>
    public Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?>? ParseLiteralFunc { get; init; }

    public object? Serialize(object? value) => SerializeValue(value);

    public object? ParseValue(object? value) => ParseValueFunc(value);

    public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        ParseLiteralFunc is { } f ? f(literal, variables) : ParseValueFunc(Execution.ValueFromAst.Untyped(literal, variables));
}
