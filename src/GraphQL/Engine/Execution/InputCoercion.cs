using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// Coercion of variable values and arguments (spec 6.1.2 "CoerceVariableValues", 6.4.1 "CoerceArgumentValues",
/// 5.6 input coercion), ported from graphql-js 17 coerceInputValue / getVariableValues / getArgumentValues:
/// coercion first, and only when it fails, <see cref="InputValidation"/> explains why, with graphql-js's messages.
/// </summary>
public static class InputCoercion
{
    private const int MaxVariableErrors = 50;

    /// <summary>graphql-js 17 coerceInputValue: the internal value, or <see cref="ValueFromAst.Invalid"/>.</summary>
    public static object? CoerceInputValue(object? value, IGraphQLType type)
    {
        if (type is NonNullType nonNull)
            return value is null || value == InputValidation.Missing ? ValueFromAst.Invalid : CoerceInputValue(value, nonNull.OfType);
        if (value is null) return null;
        if (value == InputValidation.Missing) return ValueFromAst.Invalid;
        switch (type)
        {
            case ListType list:
            {
                if (value is string || value is not System.Collections.IList items)
                {
                    // Lists accept a non-list value as a list of one.
                    var single = CoerceInputValue(value, list.OfType);
                    return single == ValueFromAst.Invalid ? ValueFromAst.Invalid : new List<object?> { single };
                }
                var result = new List<object?>(items.Count);
                foreach (var item in items)
                {
                    var coerced = CoerceInputValue(item, list.OfType);
                    if (coerced == ValueFromAst.Invalid) return ValueFromAst.Invalid;
                    result.Add(coerced);
                }
                return result;
            }
            case InputObjectType io:
            {
                var map = InputValidation.AsMap(value);
                if (map is null) return ValueFromAst.Invalid;
                if (map.Keys.Any(k => !io.Fields.Contains(k))) return ValueFromAst.Invalid;
                var coerced = new Dictionary<string, object?>();
                foreach (var field in io.Fields)
                {
                    if (!map.TryGetValue(field.Name, out var fieldValue))
                    {
                        if (field.IsRequired) return ValueFromAst.Invalid;
                        if (field.HasDefaultValue) coerced[field.Name] = field.DefaultValue;
                        continue;
                    }
                    var coercedField = CoerceInputValue(fieldValue, field.Type);
                    if (coercedField == ValueFromAst.Invalid) return ValueFromAst.Invalid;
                    coerced[field.Name] = coercedField;
                }
                if (io.IsOneOf && (map.Count != 1 || coerced.Count != 1 || coerced.Values.First() is null)) return ValueFromAst.Invalid;
                return coerced;
            }
            case ILeafType leaf:
                try
                {
                    return leaf.ParseValue(value);
                }
                catch (Exception)
                {
                    return ValueFromAst.Invalid;
                }
            default:
                return ValueFromAst.Invalid;
        }
    }

    /// <summary>Spec 6.1.2 CoerceVariableValues. Errors are request errors; at most 50 are collected, as in graphql-js.</summary>
    public static IReadOnlyDictionary<string, object?> CoerceVariableValues(
        Schema schema, IReadOnlyList<VariableDefinitionNode> definitions, IReadOnlyDictionary<string, object?> inputs, List<GraphQLError> errors)
    {
        var coerced = new Dictionary<string, object?>();
        void OnError(GraphQLError error)
        {
            if (errors.Count >= MaxVariableErrors)
                throw new GraphQLException("Too many errors processing variables, error limit reached. Execution aborted.");
            errors.Add(error);
        }
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.Value;
            var type = TypeRules.FromAst(schema, definition.Type);
            if (type is null || !TypeRules.IsInputType(type))
            {
                OnError(GraphQLError.At($"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.", definition.Type));
                continue;
            }
            object? value;
            if (!inputs.TryGetValue(name, out value))
            {
                if (definition.DefaultValue is not null)
                {
                    var defaultValue = ValueFromAst.Coerce(definition.DefaultValue, type, null);
                    if (defaultValue != ValueFromAst.Invalid) coerced[name] = defaultValue;
                    continue;
                }
                if (type is not NonNullType) continue;
                value = InputValidation.Missing;
            }
            var coercedValue = CoerceInputValue(value, type);
            if (coercedValue != ValueFromAst.Invalid)
            {
                coerced[name] = coercedValue;
                continue;
            }
            InputValidation.ValidateInputValue(value, type, (error, path) =>
                OnError(GraphQLError.At($"Variable \"${name}\" has invalid value{InputValidation.PrintPath(path)}: {error.Message}", definition)
                    with { OriginalException = error.OriginalException }));
        }
        return coerced;
    }

    /// <summary>
    /// Spec 6.4.1 CoerceArgumentValues (graphql-js 17 getArgumentValues); throws the first problem as a located error.
    /// <paramref name="owner"/> names the field ("Type.field") or directive ("@name") for messages.
    /// </summary>
    /// <summary>No arguments: shared, read-only (most fields take none, and this runs once per field and object).</summary>
    internal static readonly IReadOnlyDictionary<string, object?> NoArguments = System.Collections.Frozen.FrozenDictionary<string, object?>.Empty;

    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(
        InputValueList definitions, IReadOnlyList<ArgumentNode> argumentNodes, Node node, IReadOnlyDictionary<string, object?> variables, string owner) =>
        CoerceArgumentValues(definitions, argumentNodes, node, variables, () => owner);

    /// <summary>As above; the owner's name (for messages) is computed only when an argument is refused.</summary>
    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(
        InputValueList definitions, IReadOnlyList<ArgumentNode> argumentNodes, Node node, IReadOnlyDictionary<string, object?> variables, Func<string> owner)
    {
        if (definitions.Count == 0) return NoArguments;
        var coerced = new Dictionary<string, object?>();
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            var type = definition.Type;
            var coordinate = new LazyText(() => $"Argument \"{owner()}({name}:)\"");
            var argumentNode = argumentNodes.FirstOrDefault(a => a.Name.Value == name);
            if (argumentNode is null)
            {
                if (definition.IsRequired)
                    throw new GraphQLException(GraphQLError.At($"{coordinate} of required type \"{type}\" was not provided.", node));
                if (definition.HasDefaultValue) coerced[name] = definition.DefaultValue;
                continue;
            }
            var valueNode = argumentNode.Value;
            if (valueNode is VariableNode variable && !variables.ContainsKey(variable.Name.Value) && !definition.IsRequired)
            {
                if (definition.HasDefaultValue) coerced[name] = definition.DefaultValue;
                continue;
            }
            var value = ValueFromAst.Coerce(valueNode, type, variables);
            if (value == ValueFromAst.Invalid)
            {
                InputValidation.ValidateInputLiteral(valueNode, type, (error, path) =>
                    throw new GraphQLException(error with { Message = $"{coordinate} has invalid value{InputValidation.PrintPath(path)}: {error.Message}" }),
                    variables);
                throw new GraphQLException(GraphQLError.At($"{coordinate} has invalid value: {Printer.Print(valueNode)}.", valueNode));
            }
            coerced[name] = value;
        }
        return coerced;
    }
}

/// <summary>A message part built only when printed: argument coordinates are needed for errors, not for every field.</summary>
internal readonly struct LazyText(Func<string> make)
{
    public override string ToString() => make();
}
