using System.Collections;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

public static partial class Executor
{
    /// <summary>Spec 6.4.3 CompleteValue.</summary>
    private static async ValueTask<object?> CompleteValueAsync(
        ExecutionContext context, IGraphQLType type, ResolveContext info, ResponsePath path, object? result)
    {
        if (type is NonNullType nonNull)
        {
            var completed = await CompleteValueAsync(context, nonNull.OfType, info, path, result);
            if (completed is null)
                throw new GraphQLException($"Cannot return null for non-nullable field {info.ParentType.Name}.{info.FieldDefinition.Name}.");
            return completed;
        }
        if (result is null) return null;
        switch (type)
        {
            case ListType list:
                return await CompleteListValueAsync(context, list, info, path, result);
            case ILeafType leaf:
            {
                var serialized = leaf.Serialize(result);
                if (serialized is null)
                    throw new GraphQLException($"Expected `{leaf.Name}.serialize({Inspect.Value(result)})` to return non-nullable value, returned: null");
                return serialized;
            }
            case IAbstractType abstractType:
            {
                var runtimeType = ResolveRuntimeType(context, abstractType, info, result);
                return await CompleteObjectValueAsync(context, runtimeType, info, path, result);
            }
            case ObjectType objectType:
                return await CompleteObjectValueAsync(context, objectType, info, path, result);
            default:
                throw new InvalidOperationException($"Cannot complete value of unexpected output type: {type}");
        }
    }

    /// <summary>
    /// CompleteValue for a leaf type (or a non-null leaf) done synchronously: the same checks and messages as
    /// <see cref="CompleteValueAsync"/>, which it stands in for on the hot path. False for any other type.
    /// </summary>
    private static bool TryCompleteLeaf(IGraphQLType type, ResolveContext info, object? result, out object? completed)
    {
        var nonNull = type is NonNullType;
        if ((nonNull ? ((NonNullType)type).OfType : type) is not ILeafType leaf)
        {
            completed = null;
            return false;
        }
        if (result is null)
        {
            if (nonNull) throw new GraphQLException($"Cannot return null for non-nullable field {info.ParentType.Name}.{info.FieldDefinition.Name}.");
            completed = null;
            return true;
        }
        completed = leaf.Serialize(result)
            ?? throw new GraphQLException($"Expected `{leaf.Name}.serialize({Inspect.Value(result)})` to return non-nullable value, returned: null");
        return true;
    }

    private static async ValueTask<object?> CompleteListValueAsync(
        ExecutionContext context, ListType list, ResolveContext info, ResponsePath path, object result)
    {
        if (result is string or IDictionary || result is not IEnumerable items)
            throw new GraphQLException($"Expected Iterable, but did not find one for field \"{info.ParentType.Name}.{info.FieldDefinition.Name}\".");
        var completed = new List<object?>();
        List<(int Index, Task<object?> Value)>? pending = null;
        var index = 0;
        foreach (var item in items)
        {
            var itemPath = new ResponsePath(path, index);
            if (TryCompleteLeafItem(context, list.OfType, info, itemPath, item, out var leaf))
            {
                completed.Add(leaf);
                index++;
                continue;
            }
            var value = CompleteListItemAsync(context, list.OfType, info, itemPath, item);
            if (value.IsCompletedSuccessfully)
            {
                completed.Add(value.Result);
            }
            else
            {
                // As graphql-js: an item failing synchronously stops the remaining items from being completed.
                if (value.IsCompleted) await value;
                completed.Add(null);
                (pending ??= []).Add((index, value.AsTask()));
            }
            index++;
        }
        if (pending is null) return completed;
        await AllOrFirstFailure(pending.Select(p => p.Value).ToList());
        foreach (var (i, value) in pending) completed[i] = value.Result;
        return completed;
    }

    /// <summary><see cref="CompleteListItemAsync"/> for leaf items, synchronously; false for other item types.</summary>
    private static bool TryCompleteLeafItem(ExecutionContext context, IGraphQLType itemType, ResolveContext info, ResponsePath itemPath, object? item, out object? completed)
    {
        try
        {
            return TryCompleteLeaf(itemType, info, item, out completed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var error = LocatedError(e, info.FieldNodes, itemPath);
            if (itemType is NonNullType) throw new PropagatedNullException(error);
            context.AddError(error, itemPath);
            completed = null;
            return true;
        }
    }

    private static async ValueTask<object?> CompleteListItemAsync(
        ExecutionContext context, IGraphQLType itemType, ResolveContext info, ResponsePath itemPath, object? item)
    {
        try
        {
            return await CompleteValueAsync(context, itemType, info, itemPath, item);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var error = e is PropagatedNullException p ? p.Error : LocatedError(e, info.FieldNodes, itemPath);
            if (itemType is NonNullType) throw new PropagatedNullException(error);
            context.AddError(error, itemPath);
            return null;
        }
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

    private static async ValueTask<object?> CompleteObjectValueAsync(
        ExecutionContext context, ObjectType objectType, ResolveContext info, ResponsePath path, object result)
    {
        if (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(result, info))
            throw new GraphQLException(GraphQLError.At($"Expected value of type \"{objectType.Name}\" but got: {Inspect.Value(result)}.", info.FieldNodes));
        return await ExecuteFieldsAsync(context, objectType, result, path, context.SubFields(objectType, info.FieldNodes));
    }
}
