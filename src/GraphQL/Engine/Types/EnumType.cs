using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>One value of an enum: its name in GraphQL and the internal CLR value it stands for (the name by default).</summary>
public sealed class EnumValueDefinition(string name, object? value = null)
{
    public string Name { get; } = name;
    public object Value { get; } = value ?? name;
    public string? Description { get; init; }
    public string? DeprecationReason { get; init; }
    public EnumValueDefinitionNode? AstNode { get; init; }
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];
}

/// <summary>Enum type (spec 3.9), coercing as graphql-js GraphQLEnumType with the same messages.</summary>
public sealed class EnumType(string name) : NamedTypeBase(name), ILeafType
{
    public EnumValueList Values { get; init; } = [];

    public object? Serialize(object? value)
    {
        if (value is not null && Names().TryGetValue(value, out var name)) return name;
        throw new GraphQLException($"Enum \"{Name}\" cannot represent value: {Inspect.Value(value)}");
    }

    // Internal value to name, the first value winning as in graphql-js's scan; serialising runs once per enum in every
    // response, so it is a lookup. Built again if values were added after the first use (types are built in steps).
    private Dictionary<object, string>? _names;

    private Dictionary<object, string> Names()
    {
        var names = _names;
        if (names is not null && names.Count == Values.Count) return names;
        names = new Dictionary<object, string>(Values.Count);
        foreach (var v in Values) names.TryAdd(v.Value, v.Name);
        // Two values sharing an internal value make the counts differ: the map is then built on each call, still first-wins.
        return names.Count == Values.Count ? _names = names : names;
    }

    public object? ParseValue(object? value)
    {
        if (value is not string s)
            throw new GraphQLException($"Enum \"{Name}\" cannot represent non-string value: {Inspect.Value(value)}." + DidYouMeanValue(Inspect.Value(value)));
        var found = Values.Find(s);
        if (found is null) throw new GraphQLException($"Value \"{s}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(s));
        return found.Value;
    }

    public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        if (literal is not EnumValueNode e)
        {
            var printed = Printer.Print(literal);
            throw new GraphQLException($"Enum \"{Name}\" cannot represent non-enum value: {printed}." + DidYouMeanValue(printed));
        }
        var found = Values.Find(e.Value);
        if (found is null) throw new GraphQLException($"Value \"{e.Value}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(e.Value));
        return found.Value;
    }

    private string DidYouMeanValue(string unknown) =>
        Suggestions.DidYouMean("the enum value", Suggestions.List(unknown, Values.Select(v => v.Name)));
}
