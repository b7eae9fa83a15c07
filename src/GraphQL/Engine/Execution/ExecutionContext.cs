using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

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
