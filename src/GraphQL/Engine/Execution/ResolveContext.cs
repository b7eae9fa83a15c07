using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// Everything a resolver may look at (graphql-js's source, args, context and info, in one value). A struct: one is made
/// for every field of every object, and most are dropped as soon as the field's value is known.
/// </summary>
public readonly struct ResolveContext
{
    internal ResolveContext(ExecutionContext execution, object? source, IReadOnlyDictionary<string, object?> arguments,
        PlannedField field, ObjectType parentType, ResponsePath? parentPath)
    {
        Execution = execution;
        Source = source;
        Arguments = arguments;
        _field = field;
        ParentType = parentType;
        _parentPath = parentPath;
    }

    private readonly PlannedField _field;
    private readonly ResponsePath? _parentPath;

    internal ExecutionContext Execution { get; }
    internal PlannedField Planned => _field;

    /// <summary>The parent value (the root value for root fields).</summary>
    public object? Source { get; }

    /// <summary>Coerced argument values; an argument that was not given and has no default is absent (not null).</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    public FieldDefinition FieldDefinition => _field.Definition;
    public ObjectType ParentType { get; }

    /// <summary>The field nodes merged into this response key; <see cref="FieldNode"/> is the first.</summary>
    public IReadOnlyList<FieldNode> FieldNodes => _field.Nodes;

    public FieldNode FieldNode => FieldNodes[0];
    /// <summary>This field's position in the response (made when asked for: most fields never need it).</summary>
    public ResponsePath Path => new(_parentPath, _field.Key);

    /// <summary>The per-request context object given in <see cref="ExecutionRequest.Context"/>.</summary>
    public object? Context => Execution.Request.Context;

    public IServiceProvider? Services => Execution.Request.Services;
    public CancellationToken CancellationToken => Execution.CancellationToken;
    public Schema Schema => Execution.Request.Schema;

    /// <summary>The schema introspection shows this request (<see cref="ExecutionRequest.IntrospectedSchema"/>, else <see cref="Schema"/>).</summary>
    public Schema IntrospectedSchema => Execution.Request.IntrospectedSchema ?? Execution.Request.Schema;
    public object? RootValue => Execution.Request.RootValue;
    public OperationDefinitionNode Operation => Execution.Operation;
    public IReadOnlyDictionary<string, object?> Variables => Execution.VariableValues;

    /// <summary>The request-scoped DataLoader registry.</summary>
    public DataLoaderRegistry Loaders => Execution.Loaders;

    /// <summary>The argument's coerced value, or default(T) when absent.</summary>
    public T? Argument<T>(string name) => Arguments.TryGetValue(name, out var v) && v is T t ? t : default;

    public bool HasArgument(string name) => Arguments.ContainsKey(name);
}

/// <summary>A response path: field names (string) and list indices (int), as a linked list from the leaf.</summary>
public sealed record ResponsePath(ResponsePath? Prev, object Key)
{
    private static readonly object[] Indices = Enumerable.Range(0, 1024).Select(i => (object)i).ToArray();

    /// <summary>A list index as a path key, boxed once for the first 1,024 rather than for every item of every list.</summary>
    internal static object Index(int index) => (uint)index < (uint)Indices.Length ? Indices[index] : index;

    public IReadOnlyList<object> ToList()
    {
        var list = new List<object>();
        for (var p = this; p is not null; p = p.Prev) list.Add(p.Key);
        list.Reverse();
        return list;
    }
}
