using System.Text.Encodings.Web;
using System.Text.Json;
using Cases.GraphQL.Engine.Introspection;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// The fields of one selection set as executed on one object type: collected, their definitions looked up and their
/// response keys encoded once per request, then shared by every object that selection completes (every element of
/// a list). Fields the type does not define are left out, as graphql-js's executeFields skips them.
/// </summary>
internal sealed class SelectionPlan
{
    private SelectionPlan(PlannedField[] fields) => Fields = fields;

    public PlannedField[] Fields { get; }

    public static SelectionPlan Of(Schema schema, ObjectType objectType, Dictionary<string, List<FieldNode>> collected)
    {
        var fields = new List<PlannedField>(collected.Count);
        foreach (var (key, nodes) in collected)
            if (Executor.GetFieldDefinition(schema, objectType, nodes[0].Name.Value) is { } definition)
                fields.Add(new PlannedField(key, definition, nodes));
        return new SelectionPlan([.. fields]);
    }
}

/// <summary>One response key of a <see cref="SelectionPlan"/>.</summary>
internal sealed class PlannedField(string key, FieldDefinition definition, List<FieldNode> nodes)
{
    // Response keys are GraphQL names (ASCII letters, digits, underscore): every encoder writes them alike.
    public JsonEncodedText EncodedKey { get; } = JsonEncodedText.Encode(key, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    public string Key { get; } = key;
    public FieldDefinition Definition { get; } = definition;
    public List<FieldNode> Nodes { get; } = nodes;

    private IReadOnlyDictionary<string, object?>? _arguments;

    /// <summary>
    /// The coerced arguments. The variables are fixed for the request, so they are the same for every object: coerced
    /// once. A coercion that fails is not kept, so each position still reports its own error.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Arguments(ExecutionContext context, ObjectType parentType) =>
        _arguments ??= Definition.Arguments.Count == 0 ? InputCoercion.NoArguments
            : InputCoercion.CoerceArgumentValues(Definition.Arguments, Nodes[0].Arguments, Nodes[0], context.VariableValues,
                () => IntrospectionTypes.FieldCoordinate(parentType, Definition));
}
