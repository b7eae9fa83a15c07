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
    private SelectionPlan(ObjectType type, PlannedField[] fields)
    {
        Type = type;
        Fields = fields;
    }

    /// <summary>The object type these fields are executed on.</summary>
    public ObjectType Type { get; }

    public PlannedField[] Fields { get; }

    public static SelectionPlan Of(Schema schema, ObjectType objectType, Dictionary<string, List<FieldNode>> collected)
    {
        var fields = new List<PlannedField>(collected.Count);
        foreach (var (key, nodes) in collected)
            if (Executor.GetFieldDefinition(schema, objectType, nodes[0].Name.Value) is { } definition)
                fields.Add(new PlannedField(key, definition, nodes));
        return new SelectionPlan(objectType, [.. fields]);
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

    /// <summary>The leaf type the field completes as (its type, or inside a non-null), null for other types: known once, not tested per object.</summary>
    public ILeafType? Leaf { get; } = Executor.LeafOf(definition.Type);
    public bool NonNull { get; } = definition.Type is NonNullType;

    private IReadOnlyDictionary<string, object?>? _arguments;

    /// <summary>
    /// The sub-selection last planned for this field (on <see cref="SelectionPlan.Type"/>): every element of a list,
    /// and every object of a field that is not abstract, asks for the same one, so it is found here without a lookup.
    /// </summary>
    public SelectionPlan? SubPlan;

    /// <summary>
    /// The coerced arguments. The variables are fixed for the request, so they are the same for every object: coerced
    /// once. A coercion that fails is not kept, so each position still reports its own error.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Arguments(ExecutionContext context, ObjectType parentType) =>
        _arguments ?? Coerce(context, parentType);

    // Apart from the line above: a lambda's captures are allocated on entry to the method that has it, even on the
    // path that does not make the lambda, and this is called for every field of every object.
    private IReadOnlyDictionary<string, object?> Coerce(ExecutionContext context, ObjectType parentType) =>
        _arguments = Definition.Arguments.Count == 0 ? InputCoercion.NoArguments
            : InputCoercion.CoerceArgumentValues(Definition.Arguments, Nodes[0].Arguments, Nodes[0], context.VariableValues,
                () => IntrospectionTypes.FieldCoordinate(parentType, Definition));
}
