using System.Runtime.CompilerServices;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Introspection;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

public static partial class Executor
{
    /// <summary>
    /// Spec 6.2.3 "Subscribe", a port of graphql-js subscribe: creates the source event stream from the single root
    /// field, then maps each source event to a response (MapSourceToResponseEvent: the operation executed with the
    /// event as its root value). A request error or a failing subscribe resolver gives a <see cref="SubscriptionResult.Result"/>
    /// instead of a stream. The stream ends when the source ends, when <see cref="ExecutionRequest.CancellationToken"/>
    /// is cancelled, or when its enumerator is disposed; each ends the source stream too.
    /// </summary>
    public static async Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request)
    {
        var loop = new ExecutionLoop();
        var (source, context, error, shared) = await loop.RunAsync(() => CreateSourceEventStreamOnLoopAsync(request, loop));
        if (error is not null) return new SubscriptionResult(error, null);
        return new SubscriptionResult(null, MapSourceToResponseEvent(request, source!, context!, shared));
    }

    /// <summary>Spec 6.2.3.1 CreateSourceEventStream, with graphql-js's messages.</summary>
    private static async Task<(IAsyncEnumerable<object?>? Source, ExecutionContext? Context, ExecutionResult? Error, bool Shared)> CreateSourceEventStreamOnLoopAsync(
        ExecutionRequest request, ExecutionLoop loop)
    {
        using var hidden = request.HideSuggestions ? Suggestions.Hide() : null;
        var fragments = new Dictionary<string, FragmentDefinitionNode>();
        foreach (var fragment in request.Document.Definitions.OfType<FragmentDefinitionNode>())
            fragments[fragment.Name.Value] = fragment;
        if (!TryGetOperation(request.Document, request.OperationName, out var operation, out var operationError))
            return (null, null, ExecutionResult.RequestError([operationError!], RequestErrorKind.OperationNotFound), false);

        var variableErrors = new List<GraphQLError>();
        IReadOnlyDictionary<string, object?> variables = new Dictionary<string, object?>();
        try
        {
            variables = InputCoercion.CoerceVariableValues(request.Schema, operation!.VariableDefinitions,
                request.Variables ?? new Dictionary<string, object?>(), variableErrors);
        }
        catch (GraphQLException e)
        {
            variableErrors.Add(e.Error);
        }
        if (variableErrors.Count > 0) return (null, null, ExecutionResult.RequestError(variableErrors, RequestErrorKind.InvalidVariables), false);

        var rootType = request.Schema.SubscriptionType;
        if (rootType is null)
            return (null, null, new ExecutionResult(null, [GraphQLError.At("Schema is not configured to execute subscription operation.", operation!)]), false);

        var context = new ExecutionContext(request, operation!, fragments, variables!, loop);
        try
        {
            var fields = FieldCollector.Collect(request.Schema, fragments, variables!, rootType, operation!.SelectionSet);
            // Validation (SingleFieldSubscriptionsRule) leaves exactly one root field; @skip can leave none.
            if (fields.Count == 0) return Fail(new ExecutionResult(null, []));
            var (key, nodes) = fields.First();
            var fieldName = nodes[0].Name.Value;
            var field = rootType.Fields.Find(fieldName);
            if (field is null)
                return Fail(new ExecutionResult(null, [GraphQLError.At($"The subscription field \"{fieldName}\" is not defined.", nodes)]));
            var path = new ResponsePath(null, key);
            try
            {
                var planned = new PlannedField(key, field, nodes);
                var resolveContext = new ResolveContext(context, request.RootValue, planned.Arguments(context, rootType), planned, rootType, null);
                var stream = field.Subscribe is { } subscribe
                    ? await subscribe(resolveContext)
                    : DefaultResolver.Resolve(request.RootValue, field.Name) is IAsyncEnumerable<object?> s ? s
                    : throw new GraphQLException($"Subscription field must return Async Iterable. Received: {Inspect.Value(DefaultResolver.Resolve(request.RootValue, field.Name))}.");
                return (stream, context, null, field.SharesResponses);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                // graphql-js: a located error, and no data at all (the subscription never started).
                return Fail(ExecutionResult.RequestError([LocatedError(e, nodes, path)]));
            }
        }
        catch (GraphQLException e)
        {
            return Fail(new ExecutionResult(null, [e.Error]));
        }

        (IAsyncEnumerable<object?>?, ExecutionContext?, ExecutionResult?, bool) Fail(ExecutionResult result)
        {
            context.Finish();
            return (null, null, result, false);
        }
    }

    /// <summary>Spec 6.2.3.2 MapSourceToResponseEvent: each event executes the operation with the event as root value.</summary>
    /// <param name="shared">The root field <see cref="FieldDefinition.SharesResponses"/>: an event's response is shared
    /// with the other subscribers of the same event that sent the same request (<see cref="SharedResponses"/>).</param>
    private static async IAsyncEnumerable<ExecutionResult> MapSourceToResponseEvent(
        ExecutionRequest request, IAsyncEnumerable<object?> source, ExecutionContext context, bool shared, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken, ct);
        var key = shared ? SharedResponses.KeyOf(request) : null;
        try
        {
            await foreach (var payload in source.WithCancellation(both.Token).ConfigureAwait(false))
                yield return key is not null && payload is not null
                    ? await SharedResponses.ExecuteAsync(key, request with { RootValue = payload }, both.Token).ConfigureAwait(false)
                    : await ExecuteAsync(request with { RootValue = payload, CancellationToken = both.Token }).ConfigureAwait(false);
        }
        finally
        {
            // The subscribe resolver's token (the source stream's lifetime) ends with the stream.
            context.Finish();
        }
    }
}

/// <summary>
/// What <see cref="Executor.SubscribeAsync"/> gives: a stream of responses, or (when the subscription could not
/// start: a request error, a refused or failing subscribe resolver) a single <see cref="Result"/>.
/// </summary>
public sealed record SubscriptionResult(ExecutionResult? Result, IAsyncEnumerable<ExecutionResult>? Stream);
