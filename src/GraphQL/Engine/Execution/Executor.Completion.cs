using System.Collections;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

public static partial class Executor
{
    /// <summary>Spec 6.4.3 CompleteValue (synchronous while the value is at hand; see <see cref="ExecuteFields"/>).</summary>
    private static ValueTask<object?> CompleteValue(
        ExecutionContext context, IGraphQLType type, ResolveContext info, ResponsePath path, object? result)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteValue(context, nonNull.OfType, info, path, result);
            if (!inner.IsCompletedSuccessfully) return CompleteNonNullAsync(inner, info);
            return inner.Result is null ? throw NullForNonNull(info) : inner;
        }
        if (result is null) return new ValueTask<object?>((object?)null);
        // The sealed classes first: their tests are a type-handle compare, an interface's is a search.
        switch (type)
        {
            case ListType list:
                return CompleteListValue(context, list, info, path, result);
            case ObjectType objectType:
                return CompleteObjectValue(context, objectType, info, path, result);
            case ILeafType leaf:
                return new ValueTask<object?>(Serialize(leaf, result));
            case IAbstractType abstractType:
                return CompleteObjectValue(context, ResolveRuntimeType(context, abstractType, info, result), info, path, result);
            default:
                throw new InvalidOperationException($"Cannot complete value of unexpected output type: {type}");
        }
    }

    private static async ValueTask<object?> CompleteNonNullAsync(ValueTask<object?> inner, ResolveContext info) =>
        await inner ?? throw NullForNonNull(info);

    private static GraphQLException NullForNonNull(ResolveContext info) =>
        new($"Cannot return null for non-nullable field {info.ParentType.Name}.{info.FieldDefinition.Name}.");

    /// <summary>The leaf type a type completes as (itself, or inside a non-null), or null for any other type.</summary>
    internal static ILeafType? LeafOf(IGraphQLType type) => (type is NonNullType nonNull ? nonNull.OfType : type) as ILeafType;

    /// <summary>
    /// CompleteValue for a leaf type (or a non-null leaf, <paramref name="nonNull"/>): the same checks and messages as
    /// <see cref="CompleteValue"/>, which it stands in for on the hot path once the leaf type is known.
    /// </summary>
    private static object? CompleteLeaf(ILeafType leaf, bool nonNull, ResolveContext info, object? result) =>
        result is not null ? Serialize(leaf, result) : nonNull ? throw NullForNonNull(info) : null;

    private static object Serialize(ILeafType leaf, object result) =>
        leaf.Serialize(result)
        ?? throw new GraphQLException($"Expected `{leaf.Name}.serialize({Inspect.Value(result)})` to return non-nullable value, returned: null");

    private static ValueTask<object?> CompleteListValue(
        ExecutionContext context, ListType list, ResolveContext info, ResponsePath path, object result)
    {
        if (result is string or IDictionary || result is not IEnumerable items)
            throw new GraphQLException($"Expected Iterable, but did not find one for field \"{info.ParentType.Name}.{info.FieldDefinition.Name}\".");
        var completed = result is ICollection collection ? new List<object?>(collection.Count) : new List<object?>();
        List<(int Index, Task<object?> Value)>? pending = null;
        var itemType = list.OfType;
        var leaf = LeafOf(itemType);
        // Lists that can be indexed (arrays, lists, the schema's collections) are read without an enumerator.
        if (result is IList indexed)
            for (var i = 0; i < indexed.Count; i++) CompleteItem(context, itemType, leaf, info, path, i, indexed[i], completed, ref pending);
        else
        {
            var index = 0;
            foreach (var item in items) CompleteItem(context, itemType, leaf, info, path, index++, item, completed, ref pending);
        }
        return pending is null ? new ValueTask<object?>(completed) : AwaitAll(pending, completed, completed);
    }

    /// <summary>CompleteListItem for one item, appended to <paramref name="completed"/> (null for now if it is pending).</summary>
    private static void CompleteItem(ExecutionContext context, IGraphQLType itemType, ILeafType? leaf, ResolveContext info, ResponsePath listPath,
        int index, object? item, List<object?> completed, ref List<(int Index, Task<object?> Value)>? pending)
    {
        if (leaf is not null)
        {
            // Synchronous; the item's path is made only for an error.
            try
            {
                completed.Add(CompleteLeaf(leaf, itemType is NonNullType, info, item));
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                completed.Add(ItemError(context, itemType, info, new ResponsePath(listPath, ResponsePath.Index(index)), e));
            }
            return;
        }
        var value = CompleteListItem(context, itemType, info, new ResponsePath(listPath, ResponsePath.Index(index)), item);
        if (value.IsCompletedSuccessfully)
        {
            completed.Add(value.Result);
            return;
        }
        // As graphql-js: an item failing synchronously stops the remaining items from being completed.
        if (value.IsCompleted) value.GetAwaiter().GetResult();
        completed.Add(null);
        (pending ??= []).Add((index, value.AsTask()));
    }

    private static ValueTask<object?> CompleteListItem(
        ExecutionContext context, IGraphQLType itemType, ResolveContext info, ResponsePath itemPath, object? item)
    {
        try
        {
            var value = CompleteValue(context, itemType, info, itemPath, item);
            return value.IsCompletedSuccessfully ? value : AwaitListItemAsync(context, itemType, info, itemPath, value);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            return new ValueTask<object?>(ItemError(context, itemType, info, itemPath, e));
        }
    }

    private static async ValueTask<object?> AwaitListItemAsync(
        ExecutionContext context, IGraphQLType itemType, ResolveContext info, ResponsePath itemPath, ValueTask<object?> completing)
    {
        try
        {
            return await completing;
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            return ItemError(context, itemType, info, itemPath, e);
        }
    }

    /// <summary>An item's value after an error: null, recorded at its path; or, for non-null items, a null propagating up.</summary>
    private static object? ItemError(ExecutionContext context, IGraphQLType itemType, ResolveContext info, ResponsePath itemPath, Exception e)
    {
        var error = e is PropagatedNullException p ? p.Error : LocatedError(e, info.FieldNodes, itemPath);
        if (itemType is NonNullType) throw new PropagatedNullException(error);
        context.AddError(error, itemPath);
        return null;
    }

    /// <summary>Spec 6.4.3 ResolveAbstractType, with graphql-js's checks of the runtime type.</summary>
    private static ObjectType ResolveRuntimeType(ExecutionContext context, IAbstractType abstractType, ResolveContext info, object result)
    {
        var schema = context.Request.Schema;
        var runtimeTypeName = abstractType.ResolveType is { } resolveType
            ? resolveType(result, info)
            : DefaultTypeResolver(schema, abstractType, info, result);
        if (runtimeTypeName is null)
            throw new GraphQLException(GraphQLError.At(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{info.ParentType.Name}.{info.FieldDefinition.Name}\". " +
                $"Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.", info.FieldNodes));
        var runtimeType = schema.GetType(runtimeTypeName);
        if (runtimeType is null)
            throw new GraphQLException(GraphQLError.At($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{runtimeTypeName}\" that does not exist inside the schema.", info.FieldNodes));
        if (runtimeType is not ObjectType objectType)
            throw new GraphQLException(GraphQLError.At($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{runtimeTypeName}\".", info.FieldNodes));
        if (!schema.IsSubType(abstractType, objectType))
            throw new GraphQLException(GraphQLError.At($"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{abstractType.Name}\".", info.FieldNodes));
        return objectType;
    }

    /// <summary>graphql-js defaultTypeResolver: a "__typename" entry, else the first possible type whose IsTypeOf accepts the value.</summary>
    private static string? DefaultTypeResolver(Schema schema, IAbstractType abstractType, ResolveContext info, object value)
    {
        if (DefaultResolver.Resolve(value, "__typename") is string typeName) return typeName;
        foreach (var possible in schema.GetPossibleTypes(abstractType))
            if (possible.IsTypeOf is { } isTypeOf && isTypeOf(value, info)) return possible.Name;
        return null;
    }

    private static ValueTask<object?> CompleteObjectValue(
        ExecutionContext context, ObjectType objectType, ResolveContext info, ResponsePath path, object result)
    {
        if (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(result, info))
            throw new GraphQLException(GraphQLError.At($"Expected value of type \"{objectType.Name}\" but got: {Inspect.Value(result)}.", info.FieldNodes));
        return ExecuteFields(context, objectType, result, path, context.SubFields(objectType, info.Planned));
    }
}
