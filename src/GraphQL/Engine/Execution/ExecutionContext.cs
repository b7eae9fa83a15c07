using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>The state of one execution (graphql-js ExecutionContext).</summary>
internal sealed class ExecutionContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly HashSet<ResponsePath?> _errorPositions = [];
    private readonly CancellationTokenSource _abort;

    public ExecutionContext(ExecutionRequest request, OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variableValues,
        ExecutionLoop loop)
    {
        Request = request;
        Operation = operation;
        Fragments = fragments;
        VariableValues = variableValues;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken);
        CancellationToken = _abort.Token;
        Loaders = new DataLoaderRegistry(loop, _abort.Token);
    }

    public ExecutionRequest Request { get; }
    public OperationDefinitionNode Operation { get; }
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }
    public IReadOnlyDictionary<string, object?> VariableValues { get; }
    public CancellationToken CancellationToken { get; }
    public DataLoaderRegistry Loaders { get; }

    // graphql-js collectSubfields is memoised on (return type, field nodes): every element of a list shares them, so
    // the sub-selection of a 20-item list is collected (and planned) once, not 20 times. Variables are fixed for the
    // request, so @skip/@include give the same answer each time. Execution runs on one loop per request: no locking.
    private readonly Dictionary<(ObjectType, IReadOnlyList<FieldNode>), SelectionPlan> _subFields = new(SubFieldKeyComparer.Instance);

    /// <summary>Spec 6.4.3 CollectSubfields for this field and runtime type, memoised per request.</summary>
    public SelectionPlan SubFields(ObjectType objectType, PlannedField field)
    {
        if (field.SubPlan is { } last && ReferenceEquals(last.Type, objectType)) return last;
        return field.SubPlan = SubFields(objectType, field.Nodes);
    }

    // The memo proper: an abstract field's objects may alternate between runtime types, which the field keeps one of.
    private SelectionPlan SubFields(ObjectType objectType, IReadOnlyList<FieldNode> fieldNodes)
    {
        if (_subFields.TryGetValue((objectType, fieldNodes), out var known)) return known;
        var subFields = new Dictionary<string, List<FieldNode>>();
        var visited = new HashSet<string>();
        foreach (var node in fieldNodes)
            if (node.SelectionSet is not null)
                FieldCollector.Collect(Request.Schema, Fragments, VariableValues, objectType, node.SelectionSet, subFields, visited);
        var plan = SelectionPlan.Of(Request.Schema, objectType, subFields);
        _subFields[(objectType, fieldNodes)] = plan;
        return plan;
    }

    private sealed class SubFieldKeyComparer : IEqualityComparer<(ObjectType Type, IReadOnlyList<FieldNode> Nodes)>
    {
        public static readonly SubFieldKeyComparer Instance = new();

        public bool Equals((ObjectType Type, IReadOnlyList<FieldNode> Nodes) x, (ObjectType Type, IReadOnlyList<FieldNode> Nodes) y) =>
            ReferenceEquals(x.Type, y.Type) && ReferenceEquals(x.Nodes, y.Nodes);

        public int GetHashCode((ObjectType Type, IReadOnlyList<FieldNode> Nodes) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Type), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Nodes));
    }

    /// <summary>
    /// Records the error of the position <paramref name="position"/> that became null (null: the whole data), unless that
    /// position or an ancestor is already null — graphql-js 17 CollectedErrors: one error per nulled position, and none
    /// from work that finishes under a position already nulled.
    /// </summary>
    public void AddError(GraphQLError error, ResponsePath? position)
    {
        lock (_errors)
        {
            for (var p = position; p is not null; p = p.Prev)
                if (_errorPositions.Contains(p)) return;
            if (_errorPositions.Contains(null)) return;
            _errorPositions.Add(position);
            _errors.Add(error);
        }
    }

    /// <summary>
    /// Called once the response is built: resolvers still running (abandoned by null propagation) are told to stop,
    /// as graphql-js 17 aborts its resolver signal when execution finishes.
    /// </summary>
    public void Finish()
    {
        try
        {
            _abort.Cancel();
        }
        catch (AggregateException)
        {
            // A cancellation callback of an abandoned resolver failed; the response is already complete.
        }
        finally
        {
            // Unlinks from the request's token; the token handed out stays usable (and cancelled).
            _abort.Dispose();
        }
    }

    public IReadOnlyList<GraphQLError> Errors
    {
        get { lock (_errors) return _errors.ToList(); }
    }
}
