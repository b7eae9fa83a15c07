using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Introspection;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// Executes a validated document (spec 6 "Execution"), a port of graphql-js execute.ts: operation selection,
/// variable coercion, field collection, parallel query fields and serial mutation fields, value completion with
/// null propagation (one error per failed position, at the nearest nullable ancestor), error paths and locations.
/// </summary>
public static partial class Executor
{
    public static Task<ExecutionResult> ExecuteAsync(ExecutionRequest request)
    {
        var loop = new ExecutionLoop();
        return loop.RunAsync(() => ExecuteOnLoopAsync(request, loop));
    }

    /// <summary>See <see cref="OperationKinds.GetOperationKind"/>.</summary>
    public static OperationType? GetOperationKind(DocumentNode document, string? operationName) =>
        OperationKinds.GetOperationKind(document, operationName);

    /// <summary>Spec 6.1 GetOperation, with graphql-js's messages.</summary>
    internal static bool TryGetOperation(DocumentNode document, string? operationName, out OperationDefinitionNode? operation, out GraphQLError? error)
    {
        operation = null;
        error = null;
        var operations = document.Definitions.OfType<OperationDefinitionNode>().ToList();
        if (operationName is null)
        {
            if (operations.Count == 1)
            {
                operation = operations[0];
                return true;
            }
            error = new GraphQLError(operations.Count == 0 ? "Must provide an operation." : "Must provide operation name if query contains multiple operations.");
            return false;
        }
        operation = operations.FirstOrDefault(o => o.Name?.Value == operationName);
        if (operation is not null) return true;
        error = new GraphQLError($"Unknown operation named \"{operationName}\".");
        return false;
    }

    private static async Task<ExecutionResult> ExecuteOnLoopAsync(ExecutionRequest request, ExecutionLoop loop)
    {
        using var hidden = request.HideSuggestions ? Suggestions.Hide() : null;
        var fragments = new Dictionary<string, FragmentDefinitionNode>();
        foreach (var fragment in request.Document.Definitions.OfType<FragmentDefinitionNode>())
            fragments[fragment.Name.Value] = fragment;
        if (!TryGetOperation(request.Document, request.OperationName, out var operation, out var operationError))
            return ExecutionResult.RequestError([operationError!], RequestErrorKind.OperationNotFound);

        var variableErrors = new List<GraphQLError>();
        IReadOnlyDictionary<string, object?> variables;
        try
        {
            variables = InputCoercion.CoerceVariableValues(request.Schema, operation!.VariableDefinitions,
                request.Variables ?? new Dictionary<string, object?>(), variableErrors);
        }
        catch (GraphQLException e)
        {
            variableErrors.Add(e.Error);
            return ExecutionResult.RequestError(variableErrors, RequestErrorKind.InvalidVariables);
        }
        if (variableErrors.Count > 0) return ExecutionResult.RequestError(variableErrors, RequestErrorKind.InvalidVariables);

        var context = new ExecutionContext(request, operation, fragments, variables, loop);
        var rootType = request.Schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            context.AddError(GraphQLError.At($"Schema is not configured to execute {Printer.OperationName(operation.Operation)} operation.", operation), null);
            return new ExecutionResult(null, context.Errors);
        }
        try
        {
            IDictionary<string, object?>? data;
            try
            {
                var fields = SelectionPlan.Of(request.Schema, rootType, FieldCollector.Collect(request.Schema, fragments, variables, rootType, operation.SelectionSet));
                data = (IDictionary<string, object?>?)(operation.Operation == OperationType.Mutation
                    ? await ExecuteFieldsSeriallyAsync(context, rootType, request.RootValue, fields)
                    : await ExecuteFields(context, rootType, request.RootValue, null, fields));
            }
            catch (PropagatedNullException e)
            {
                context.AddError(e.Error, null);
                data = null;
            }
            return new ExecutionResult(data, context.Errors);
        }
        finally
        {
            context.Finish();
        }
    }

    // The executor works synchronously while values are at hand (most resolvers and every leaf), and becomes async
    // only where a value is pending: a list of 20 objects of 9 fields is then 200 plain calls, not 200 async frames.
    // A method below that returns a ValueTask may therefore also throw synchronously; every caller catches both.

    /// <summary>Spec 6.3 ExecuteSelectionSet, normally: all fields start before any is awaited.</summary>
    private static ValueTask<object?> ExecuteFields(ExecutionContext context, ObjectType parentType, object? source, ResponsePath? path, SelectionPlan plan)
    {
        var fields = plan.Fields;
        var values = new object?[fields.Length];
        List<(int Index, Task<object?> Value)>? pending = null;
        for (var i = 0; i < fields.Length; i++)
        {
            var value = ExecuteField(context, parentType, source, fields[i], path);
            if (value.IsCompletedSuccessfully)
            {
                values[i] = value.Result;
                continue;
            }
            // As graphql-js: a field failing synchronously stops the remaining fields from starting.
            if (value.IsCompleted) value.GetAwaiter().GetResult();
            (pending ??= []).Add((i, value.AsTask()));
        }
        var result = new ResponseObject(plan, values);
        return pending is null ? new ValueTask<object?>(result) : AwaitAll(pending, values, result);
    }

    /// <summary>Fills the positions still pending once they all complete (or fails with the first failure).</summary>
    private static async ValueTask<object?> AwaitAll(List<(int Index, Task<object?> Value)> pending, IList<object?> values, object result)
    {
        await AllOrFirstFailure(pending.Select(p => p.Value).ToList());
        foreach (var (i, value) in pending) values[i] = value.Result;
        return result;
    }

    /// <summary>Spec 6.3.1 "Normal and Serial Execution": mutation root fields run one after another.</summary>
    private static async ValueTask<object?> ExecuteFieldsSeriallyAsync(ExecutionContext context, ObjectType parentType, object? source, SelectionPlan plan)
    {
        var values = new object?[plan.Fields.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = await ExecuteField(context, parentType, source, plan.Fields[i], null);
        return new ResponseObject(plan, values);
    }

    /// <summary>graphql-js getFieldDef: the meta fields __schema and __type exist on the query root only, __typename everywhere.</summary>
    internal static FieldDefinition? GetFieldDefinition(Schema schema, ObjectType parentType, string name)
    {
        if (name == IntrospectionTypes.SchemaMetaField.Name && ReferenceEquals(schema.QueryType, parentType)) return IntrospectionTypes.SchemaMetaField;
        if (name == IntrospectionTypes.TypeMetaField.Name && ReferenceEquals(schema.QueryType, parentType)) return IntrospectionTypes.TypeMetaField;
        if (name == IntrospectionTypes.TypeNameMetaField.Name) return IntrospectionTypes.TypeNameMetaField;
        return parentType.Fields.Find(name);
    }

    /// <summary>Spec 6.4 ExecuteField; a field error nulls this field, or propagates if the field is non-null.</summary>
    private static ValueTask<object?> ExecuteField(ExecutionContext context, ObjectType parentType, object? source, PlannedField planned, ResponsePath? parentPath)
    {
        var field = planned.Definition;
        ResponsePath? path = null;
        try
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var info = new ResolveContext(context, source, planned.Arguments(context, parentType), planned, parentType, parentPath);
            object? resolved;
            if (field.Resolve is { } resolve)
            {
                var pending = resolve(info);
                if (!pending.IsCompletedSuccessfully) return ResolveAndCompleteAsync(context, info, pending);
                resolved = pending.Result;
            }
            else
            {
                resolved = DefaultResolver.Resolve(source, field.Name);
            }
            if (planned.Leaf is { } leaf) return new ValueTask<object?>(CompleteLeaf(leaf, planned.NonNull, info, resolved));
            // A null object or list (the innermost ofType of every type reference) needs no path.
            if (resolved is null) return planned.NonNull ? throw NullForNonNull(info) : new ValueTask<object?>((object?)null);
            path = info.Path;
            var completed = CompleteValue(context, field.Type, info, path, resolved);
            return completed.IsCompletedSuccessfully ? completed : AwaitFieldAsync(context, info, path, completed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            return new ValueTask<object?>(FieldError(context, field, planned.Nodes, path ?? new ResponsePath(parentPath, planned.Key), e));
        }
    }

    private static async ValueTask<object?> ResolveAndCompleteAsync(ExecutionContext context, ResolveContext info, ValueTask<object?> pending)
    {
        var path = info.Path;
        try
        {
            var resolved = await pending;
            var planned = info.Planned;
            return planned.Leaf is { } leaf ? CompleteLeaf(leaf, planned.NonNull, info, resolved)
                : await CompleteValue(context, info.FieldDefinition.Type, info, path, resolved);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            return FieldError(context, info.FieldDefinition, info.FieldNodes, path, e);
        }
    }

    private static async ValueTask<object?> AwaitFieldAsync(ExecutionContext context, ResolveContext info, ResponsePath path, ValueTask<object?> completing)
    {
        try
        {
            return await completing;
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            return FieldError(context, info.FieldDefinition, info.FieldNodes, path, e);
        }
    }

    /// <summary>The field's value after an error: null, recorded at its path; or, for a non-null field, a null propagating up.</summary>
    private static object? FieldError(ExecutionContext context, FieldDefinition field, IReadOnlyList<FieldNode> nodes, ResponsePath path, Exception e)
    {
        var error = e is PropagatedNullException p ? p.Error : LocatedError(e, nodes, path);
        if (field.Type is NonNullType) throw new PropagatedNullException(error);
        context.AddError(error, path);
        return null;
    }

    /// <summary>graphql-js locatedError: keeps a GraphQL error's own message, extensions and locations; adds path and field locations.</summary>
    private static GraphQLError LocatedError(Exception e, IReadOnlyList<FieldNode> nodes, ResponsePath path)
    {
        var nodeLocations = GraphQLError.At("", nodes).Locations;
        if (e is GraphQLException ge)
        {
            if (ge.Error.Path is not null) return ge.Error;
            return ge.Error with { Locations = ge.Error.Locations ?? nodeLocations, Path = path.ToList(), OriginalException = ge.Error.OriginalException ?? ge };
        }
        return new GraphQLError(e.Message, nodeLocations, path.ToList()) { OriginalException = e };
    }

    /// <summary>
    /// Waits for all tasks, but fails as soon as one fails (graphql-js's Promise.all); the others keep running,
    /// abandoned, and their errors are dropped because their position is already nulled.
    /// </summary>
    private static async Task AllOrFirstFailure(List<Task<object?>> tasks)
    {
        var firstFailure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var task in tasks)
            _ = task.ContinueWith(t => { if (t.IsFaulted) firstFailure.TrySetException(t.Exception!.InnerExceptions); else if (t.IsCanceled) firstFailure.TrySetCanceled(); },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var all = Task.WhenAll(tasks);
        await Task.WhenAny(all, firstFailure.Task);
        if (firstFailure.Task.IsCompleted) await firstFailure.Task;
        await all;
    }

    /// <summary>An error on a non-null position travelling up to the nearest nullable ancestor, which records it once.</summary>
    private sealed class PropagatedNullException(GraphQLError error) : Exception(error.Message)
    {
        public GraphQLError Error { get; } = error;
    }
}
