using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>
/// An argument or input-object field (spec 3.6.1 and 3.10). <see cref="DefaultValue"/> is an internal (coerced)
/// value; introspection and SDL print it as a literal (graphql-js astFromValue). Setting it sets <see cref="HasDefaultValue"/>.
/// </summary>
public sealed class InputValueDefinition(string name, IGraphQLType type)
{
    private object? _defaultValue;
    private readonly ValueNode? _defaultLiteral;
    private bool _literalCoerced;

    public string Name { get; } = name;
    public IGraphQLType Type { get; } = type;
    public string? Description { get; init; }

    public object? DefaultValue
    {
        get
        {
            if (_defaultLiteral is not null && !_literalCoerced)
            {
                // Coerced on first use, once every type the literal mentions is complete (SDL defaults may name
                // enum values or input fields defined further down the document).
                var coerced = Execution.ValueFromAst.Coerce(_defaultLiteral, Type, null);
                _defaultValue = coerced == Execution.ValueFromAst.Invalid ? null : coerced;
                _literalCoerced = true;
            }
            return _defaultValue;
        }
        init
        {
            _defaultValue = value;
            HasDefaultValue = true;
        }
    }

    /// <summary>The default written as a literal (graphql-js 17 <c>default: { literal }</c>), coerced when first needed.</summary>
    public ValueNode? DefaultValueLiteral
    {
        get => _defaultLiteral;
        init
        {
            _defaultLiteral = value;
            HasDefaultValue = value is not null;
        }
    }

    public bool HasDefaultValue { get; private init; }

    /// <summary>@deprecated(reason:) — null when not deprecated. Required arguments and input fields cannot be deprecated.</summary>
    public string? DeprecationReason { get; init; }

    public InputValueDefinitionNode? AstNode { get; init; }
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    /// <summary>Non-null and without a default: must be provided (spec "IsRequiredArgument").</summary>
    public bool IsRequired => Type is NonNullType && !HasDefaultValue;

    public override string ToString() => Name;
}
