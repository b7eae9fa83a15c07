using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// Explains why an input value or literal cannot be coerced, with graphql-js 17's messages
/// (utilities/validateInputValue.ts). Each problem is reported with the path inside the value.
/// </summary>
public static class InputValidation
{
    public delegate void ErrorHandler(GraphQLError error, IReadOnlyList<object> path);

    /// <summary>Stands for JavaScript's undefined: a variable that was not provided at all.</summary>
    public static readonly object Missing = new();

    /// <summary>graphql-js validateInputValue: an external (JSON-decoded) value against an input type.</summary>
    public static void ValidateInputValue(object? value, IGraphQLType type, ErrorHandler onError) =>
        ValidateValue(value, type, onError, []);

    private static void ValidateValue(object? value, IGraphQLType type, ErrorHandler onError, List<object> path)
    {
        if (type is NonNullType nonNull)
        {
            if (value == Missing)
            {
                onError(new GraphQLError($"Expected a value of non-null type \"{type}\" to be provided."), path.ToList());
                return;
            }
            if (value is null)
            {
                onError(new GraphQLError($"Expected value of non-null type \"{type}\" not to be null."), path.ToList());
                return;
            }
            ValidateValue(value, nonNull.OfType, onError, path);
            return;
        }
        if (value is null || value == Missing) return;
        switch (type)
        {
            case ListType list:
                if (value is not string && value is System.Collections.IList items)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        path.Add(i);
                        ValidateValue(items[i], list.OfType, onError, path);
                        path.RemoveAt(path.Count - 1);
                    }
                }
                else
                {
                    ValidateValue(value, list.OfType, onError, path);
                }
                break;
            case InputObjectType io:
            {
                var map = AsMap(value);
                if (map is null)
                {
                    onError(new GraphQLError($"Expected value of type \"{io.Name}\" to be an object, found: {Inspect.Value(value)}."), path.ToList());
                    return;
                }
                foreach (var field in io.Fields)
                {
                    if (!map.TryGetValue(field.Name, out var fieldValue))
                    {
                        if (field.IsRequired)
                            onError(new GraphQLError($"Expected value of type \"{io.Name}\" to include required field \"{field.Name}\", found: {Inspect.Value(value)}."), path.ToList());
                    }
                    else
                    {
                        path.Add(field.Name);
                        ValidateValue(fieldValue, field.Type, onError, path);
                        path.RemoveAt(path.Count - 1);
                    }
                }
                var known = new List<string>();
                foreach (var key in map.Keys)
                {
                    if (!io.Fields.Contains(key))
                    {
                        var suggestion = Suggestions.DidYouMean(Suggestions.List(key, io.Fields.Select(f => f.Name)));
                        onError(new GraphQLError($"Expected value of type \"{io.Name}\" not to include unknown field \"{key}\"{(suggestion != "" ? "." + suggestion + " Found" : ", found")}: {Inspect.Value(value)}."), path.ToList());
                        continue;
                    }
                    known.Add(key);
                }
                if (io.IsOneOf)
                {
                    if (known.Count != 1) onError(new GraphQLError(OneOfMessage(io)), path.ToList());
                    if (known.Count > 0 && map[known[0]] is null) onError(new GraphQLError(OneOfMessage(io)), [.. path, known[0]]);
                }
                break;
            }
            case ILeafType leaf:
            {
                object? result;
                try
                {
                    result = leaf.ParseValue(value);
                }
                catch (GraphQLException e)
                {
                    onError(e.Error, path.ToList());
                    return;
                }
                catch (Exception e)
                {
                    onError(new GraphQLError($"Expected value of type \"{leaf.Name}\", but encountered error \"{e.Message}\"; found: {Inspect.Value(value)}.") { OriginalException = e }, path.ToList());
                    return;
                }
                if (result == ValueFromAst.Invalid)
                    onError(new GraphQLError($"Expected value of type \"{leaf.Name}\", found: {Inspect.Value(value)}."), path.ToList());
                break;
            }
        }
    }

    /// <summary>
    /// graphql-js validateInputLiteral. With <paramref name="variables"/> null the check is static (validation: variables
    /// are not looked at); otherwise variables are checked against their coerced values (execution).
    /// </summary>
    public static void ValidateInputLiteral(ValueNode node, IGraphQLType type, ErrorHandler onError, IReadOnlyDictionary<string, object?>? variables) =>
        ValidateLiteral(node, type, onError, variables, []);

    private static void ValidateLiteral(ValueNode node, IGraphQLType type, ErrorHandler onError, IReadOnlyDictionary<string, object?>? variables, List<object> path)
    {
        if (node is VariableNode variable)
        {
            if (variables is null) return;
            if (type is NonNullType)
            {
                if (!variables.TryGetValue(variable.Name.Value, out var value))
                    Report(onError, $"Expected variable \"${variable.Name.Value}\" provided to type \"{type}\" to provide a runtime value.", node, path);
                else if (value is null)
                    Report(onError, $"Expected variable \"${variable.Name.Value}\" provided to non-null type \"{type}\" not to be null.", node, path);
            }
            return;
        }
        if (type is NonNullType nonNull)
        {
            if (node is NullValueNode)
            {
                Report(onError, $"Expected value of non-null type \"{type}\" not to be null.", node, path);
                return;
            }
            ValidateLiteral(node, nonNull.OfType, onError, variables, path);
            return;
        }
        if (node is NullValueNode) return;
        switch (type)
        {
            case ListType list:
                if (node is ListValueNode items)
                {
                    for (var i = 0; i < items.Values.Count; i++)
                    {
                        path.Add(i);
                        ValidateLiteral(items.Values[i], list.OfType, onError, variables, path);
                        path.RemoveAt(path.Count - 1);
                    }
                }
                else
                {
                    ValidateLiteral(node, list.OfType, onError, variables, path);
                }
                break;
            case InputObjectType io:
            {
                if (node is not ObjectValueNode obj)
                {
                    Report(onError, $"Expected value of type \"{io.Name}\" to be an object, found: {Printer.Print(node)}.", node, path);
                    return;
                }
                var fieldNodes = new Dictionary<string, ObjectFieldNode>();
                foreach (var f in obj.Fields) fieldNodes[f.Name.Value] = f;
                foreach (var field in io.Fields)
                {
                    if (!fieldNodes.TryGetValue(field.Name, out var fieldNode))
                    {
                        if (field.IsRequired)
                            Report(onError, $"Expected value of type \"{io.Name}\" to include required field \"{field.Name}\", found: {Printer.Print(node)}.", node, path);
                        continue;
                    }
                    if (fieldNode.Value is VariableNode fieldVariable && variables is not null)
                    {
                        var name = fieldVariable.Name.Value;
                        var provided = variables.TryGetValue(name, out var value);
                        if (io.IsOneOf)
                        {
                            if (!provided)
                                Report(onError, $"Expected variable \"${name}\" provided to field \"{field.Name}\" for OneOf Input Object type \"{io.Name}\" to provide a runtime value.", node, path);
                            else if (value is null)
                                Report(onError, $"Expected variable \"${name}\" provided to field \"{field.Name}\" for OneOf Input Object type \"{io.Name}\" not to be null.", node, path);
                        }
                        else if (!provided && !field.IsRequired)
                        {
                            continue;
                        }
                    }
                    path.Add(field.Name);
                    ValidateLiteral(fieldNode.Value, field.Type, onError, variables, path);
                    path.RemoveAt(path.Count - 1);
                }
                var knownFields = new List<ObjectFieldNode>();
                foreach (var fieldNode in obj.Fields)
                {
                    var fieldName = fieldNode.Name.Value;
                    if (!io.Fields.Contains(fieldName))
                    {
                        var suggestion = Suggestions.DidYouMean(Suggestions.List(fieldName, io.Fields.Select(f => f.Name)));
                        Report(onError, $"Expected value of type \"{io.Name}\" not to include unknown field \"{fieldName}\"{(suggestion != "" ? "." + suggestion + " Found" : ", found")}: {Printer.Print(node)}.", fieldNode, path);
                    }
                    else
                    {
                        knownFields.Add(fieldNode);
                    }
                }
                if (io.IsOneOf)
                {
                    if (knownFields.Count != 1)
                    {
                        Report(onError, OneOfMessage(io), node, path);
                        return;
                    }
                    if (knownFields[0].Value is NullValueNode)
                        Report(onError, OneOfMessage(io), node, [.. path, knownFields[0].Name.Value]);
                }
                break;
            }
            case ILeafType leaf:
            {
                object? result;
                try
                {
                    result = leaf.ParseLiteral(variables is null ? node : ReplaceVariables(node, variables), variables);
                }
                catch (GraphQLException e)
                {
                    onError(e.Error.Locations is null ? e.Error with { Locations = GraphQLError.At("", node).Locations } : e.Error, path.ToList());
                    return;
                }
                catch (Exception e)
                {
                    Report(onError, $"Expected value of type \"{leaf.Name}\", but encountered error \"{e.Message}\"; found: {Printer.Print(node)}.", node, path);
                    return;
                }
                if (result == ValueFromAst.Invalid)
                    Report(onError, $"Expected value of type \"{leaf.Name}\", found: {Printer.Print(node)}.", node, path);
                break;
            }
        }
    }

    /// <summary>graphql-js replaceVariables: variables inside a literal become the literals of their values.</summary>
    private static ValueNode ReplaceVariables(ValueNode node, IReadOnlyDictionary<string, object?> variables) => node switch
    {
        VariableNode v => variables.TryGetValue(v.Name.Value, out var value) ? LiteralOf(value) : new NullValueNode(),
        ListValueNode l => l with { Values = l.Values.Select(x => ReplaceVariables(x, variables)).ToList() },
        ObjectValueNode o => o with { Fields = o.Fields.Select(f => f with { Value = ReplaceVariables(f.Value, variables) }).ToList() },
        _ => node,
    };

    private static ValueNode LiteralOf(object? value) => value switch
    {
        null => new NullValueNode(),
        bool b => new BooleanValueNode(b),
        string s => new StringValueNode(s),
        int or long => new IntValueNode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
        double d => new FloatValueNode(JsNumber.ToString(d)),
        IReadOnlyDictionary<string, object?> map => new ObjectValueNode(map.Select(kv => new ObjectFieldNode(new NameNode(kv.Key), LiteralOf(kv.Value))).ToList()),
        System.Collections.IEnumerable items => new ListValueNode(items.Cast<object?>().Select(LiteralOf).ToList()),
        _ => new StringValueNode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    private static void Report(ErrorHandler onError, string message, Node node, List<object> path) =>
        onError(GraphQLError.At(message, node), path.ToList());

    private static string OneOfMessage(InputObjectType type) =>
        $"Within OneOf Input Object type \"{type.Name}\", exactly one field must be specified, and the value for that field must be non-null.";

    internal static IReadOnlyDictionary<string, object?>? AsMap(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> r => r,
        IDictionary<string, object?> d => d.AsReadOnly(),
        _ => null,
    };

    /// <summary>graphql-js printPathArray: " at .a[0].b", or "" for the value itself.</summary>
    public static string PrintPath(IReadOnlyList<object> path) =>
        path.Count == 0 ? "" : " at " + string.Concat(path.Select(k => k is int i ? $"[{i}]" : "." + k));
}
