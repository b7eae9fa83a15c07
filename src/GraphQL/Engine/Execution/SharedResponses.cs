using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// One execution per source event and request for the subscribers of a field that
/// <see cref="FieldDefinition.SharesResponses"/> (issue 21): with a thousand subscribers of one case, executing and
/// serialising its view a thousand times was most of the fan-out. The responses hang off the event object itself
/// (a weak table), so they live exactly as long as some subscriber still holds the event.
/// </summary>
internal static class SharedResponses
{
    // Bounds an execution no single subscriber owns: none of their tokens may end it for the others.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Key, Lazy<Task<ExecutionResult>>>> ByEvent = new();

    /// <summary>What makes two subscribers' responses to one event the same: the request's schema and document (the
    /// same objects: the endpoint caches documents by text), the operation and the variables.</summary>
    public sealed class Key(ExecutionRequest request)
    {
        private readonly Schema _schema = request.Schema;
        private readonly Schema? _introspected = request.IntrospectedSchema;
        private readonly DocumentNode _document = request.Document;
        private readonly string? _operation = request.OperationName;
        private readonly bool _hideSuggestions = request.HideSuggestions;
        private readonly string _variables = request.Variables is { Count: > 0 } v ? JsonSerializer.Serialize(v) : "";

        public override bool Equals(object? obj) => obj is Key k
            && ReferenceEquals(_schema, k._schema) && ReferenceEquals(_introspected, k._introspected) && ReferenceEquals(_document, k._document)
            && _operation == k._operation && _hideSuggestions == k._hideSuggestions && _variables == k._variables;

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_document), _operation, _variables);
    }

    public static Key KeyOf(ExecutionRequest request) => new(request);

    /// <summary>
    /// The response to <paramref name="request"/> (its root value the event), executed by the first subscriber to ask
    /// and shared with the others. A response with errors is not shared: the subscriber executes its own, as
    /// graphql-js would (an error's trace id and log line are the caller's).
    /// </summary>
    public static async Task<ExecutionResult> ExecuteAsync(Key key, ExecutionRequest request, CancellationToken ct)
    {
        var responses = ByEvent.GetValue(request.RootValue!, _ => new ConcurrentDictionary<Key, Lazy<Task<ExecutionResult>>>());
        var entry = responses.GetOrAdd(key, _ => new Lazy<Task<ExecutionResult>>(() => ExecuteBoundedAsync(request)));
        var shared = await entry.Value.WaitAsync(ct).ConfigureAwait(false);
        if (shared.Errors is null) return shared;
        // Not kept either: an event object may be long-lived (a singleton "session ended" event), and its errors are not shared.
        responses.TryRemove(new KeyValuePair<Key, Lazy<Task<ExecutionResult>>>(key, entry));
        return await Executor.ExecuteAsync(request with { CancellationToken = ct }).ConfigureAwait(false);
    }

    private static async Task<ExecutionResult> ExecuteBoundedAsync(ExecutionRequest request)
    {
        using var bounded = new CancellationTokenSource(Timeout);
        return await Executor.ExecuteAsync(request with { CancellationToken = bounded.Token }).ConfigureAwait(false);
    }
}
