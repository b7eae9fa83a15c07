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
                var fields = FieldCollector.Collect(request.Schema, fragments, variables, rootType, operation.SelectionSet);
                data = operation.Operation == OperationType.Mutation
                    ? await ExecuteFieldsSeriallyAsync(context, rootType, request.RootValue, null, fields)
                    : await ExecuteFieldsAsync(context, rootType, request.RootValue, null, fields);
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

    /// <summary>Spec 6.3 ExecuteSelectionSet, normally: all fields start before any is awaited.</summary>
    private static async ValueTask<IDictionary<string, object?>> ExecuteFieldsAsync(
        ExecutionContext context, ObjectType parentType, object? source, ResponsePath? path, Dictionary<string, List<FieldNode>> fields)
    {
        var result = new OrderedDictionary<string, object?>(fields.Count);
        List<(string Key, Task<object?> Value)>? pending = null;
        foreach (var (key, nodes) in fields)
        {
            var fieldDefinition = GetFieldDefinition(context.Request.Schema, parentType, nodes[0].Name.Value);
            if (fieldDefinition is null) continue;
            var value = ExecuteFieldAsync(context, parentType, source, fieldDefinition, nodes, new ResponsePath(path, key));
            if (value.IsCompletedSuccessfully)
            {
                result[key] = value.Result;
                continue;
            }
            if (value.IsCompleted)
            {
                // As graphql-js: a field failing synchronously stops the remaining fields from starting.
                await value;
            }
            result[key] = null;
            (pending ??= []).Add((key, value.AsTask()));
        }
        if (pending is null) return result;
        await AllOrFirstFailure(pending.Select(p => p.Value).ToList());
        foreach (var (key, value) in pending) result[key] = value.Result;
        return result;
    }

    /// <summary>Spec 6.3.1 "Normal and Serial Execution": mutation root fields run one after another.</summary>
    private static async ValueTask<IDictionary<string, object?>> ExecuteFieldsSeriallyAsync(
        ExecutionContext context, ObjectType parentType, object? source, ResponsePath? path, Dictionary<string, List<FieldNode>> fields)
    {
        var result = new OrderedDictionary<string, object?>(fields.Count);
        foreach (var (key, nodes) in fields)
        {
            var fieldDefinition = GetFieldDefinition(context.Request.Schema, parentType, nodes[0].Name.Value);
            if (fieldDefinition is null) continue;
            result[key] = await ExecuteFieldAsync(context, parentType, source, fieldDefinition, nodes, new ResponsePath(path, key));
        }
        return result;
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
    private static async ValueTask<object?> ExecuteFieldAsync(
        ExecutionContext context, ObjectType parentType, object? source, FieldDefinition field, List<FieldNode> nodes, ResponsePath path)
    {
        try
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var arguments = field.Arguments.Count == 0 ? InputCoercion.NoArguments
                : InputCoercion.CoerceArgumentValues(field.Arguments, nodes[0].Arguments, nodes[0], context.VariableValues, () => IntrospectionTypes.FieldCoordinate(parentType, field));
            var resolveContext = new ResolveContext(context, source, arguments, field, parentType, nodes, path);
            object? resolved;
            if (field.Resolve is { } resolve)
            {
                var pending = resolve(resolveContext);
                resolved = pending.IsCompletedSuccessfully ? pending.Result : await pending;
            }
            else
            {
                resolved = DefaultResolver.Resolve(source, field.Name);
            }
            // Leaves (most fields) complete synchronously, without another async frame per field.
            return TryCompleteLeaf(field.Type, resolveContext, resolved, out var leaf) ? leaf
                : await CompleteValueAsync(context, field.Type, resolveContext, path, resolved);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var error = e is PropagatedNullException p ? p.Error : LocatedError(e, nodes, path);
            if (field.Type is NonNullType) throw new PropagatedNullException(error);
            context.AddError(error, path);
            return null;
        }
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
