using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Introspection;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>
/// A schema (spec 3.3): root operation types, directives, and the map of every named type reachable from them
/// (plus the introspection types), in graphql-js's order. Build the types first, then the schema; call
/// <see cref="Validate"/> at start-up (graphql-js validateSchema).
/// </summary>
public sealed partial class Schema
{
    private readonly Dictionary<string, INamedType> _typeMap;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<string, (List<ObjectType> Objects, List<InterfaceType> Interfaces)> _implementations = new();
    private readonly Dictionary<string, HashSet<string>> _subTypes = new();

    private IReadOnlyList<GraphQLError>? _validationErrors;

    public Schema(
        ObjectType? query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<INamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null,
        string? description = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Description = description;
        Directives = directives?.ToList() ?? [.. SpecifiedDirectives.All];
        _directives = new Dictionary<string, DirectiveDefinition>();
        foreach (var d in Directives) _directives.TryAdd(d.Name, d);

        // graphql-js GraphQLSchema constructor: the same traversal order, so the type map (and printed SDL) match.
        var all = new OrderedSet();
        var configTypes = types?.ToList() ?? [];
        foreach (var t in configTypes) all.Add(t);
        foreach (var t in configTypes)
        {
            all.Remove(t);
            Collect(t, all);
        }
        if (query is not null) Collect(query, all);
        if (mutation is not null) Collect(mutation, all);
        if (subscription is not null) Collect(subscription, all);
        foreach (var d in Directives)
            foreach (var arg in d.Arguments) Collect(arg.Type, all);
        Collect(IntrospectionTypes.Schema, all);

        _typeMap = new Dictionary<string, INamedType>();
        TypeList = all.Items;
        foreach (var named in all.Items)
        {
            if (!_typeMap.TryAdd(named.Name, named) && !ReferenceEquals(_typeMap[named.Name], named))
                DuplicateTypeNames.Add(named.Name);
            if (named is IFieldsType ft)
            {
                foreach (var iface in ft.Interfaces)
                {
                    if (!_implementations.TryGetValue(iface.Name, out var impl))
                        _implementations[iface.Name] = impl = ([], []);
                    if (named is ObjectType o) { if (!impl.Objects.Contains(o)) impl.Objects.Add(o); }
                    else if (named is InterfaceType i && !impl.Interfaces.Contains(i)) impl.Interfaces.Add(i);
                }
            }
        }
        IndexSubTypes();
    }

    public string? Description { get; init; }
    public ObjectType? QueryType { get; }
    public ObjectType? MutationType { get; }
    public ObjectType? SubscriptionType { get; }
    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>The SDL schema definition node when built from SDL (for error locations).</summary>
    public SchemaDefinitionNode? AstNode { get; init; }

    /// <summary>Every named type, in graphql-js type-map order.</summary>
    public IReadOnlyList<INamedType> TypeList { get; }

    public IReadOnlyDictionary<string, INamedType> TypeMap => _typeMap;

    internal List<string> DuplicateTypeNames { get; } = [];

    public INamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types an abstract type may resolve to (getPossibleTypes).</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(IAbstractType type) => type switch
    {
        UnionType u => u.Types,
        InterfaceType i => GetImplementations(i).Objects,
        _ => [],
    };

    /// <summary>The object and interface types implementing an interface (getImplementations).</summary>
    public (IReadOnlyList<ObjectType> Objects, IReadOnlyList<InterfaceType> Interfaces) GetImplementations(InterfaceType type) =>
        _implementations.TryGetValue(type.Name, out var impl) ? (impl.Objects, impl.Interfaces) : ([], []);

    /// <summary>Whether <paramref name="maybeSubType"/> is a member of the union or implements the interface (isSubType).</summary>
    public bool IsSubType(IAbstractType abstractType, ICompositeType maybeSubType) =>
        _subTypes.TryGetValue(abstractType.Name, out var set) && set.Contains(maybeSubType.Name);

    // Computed once when the schema is built, so the lookups above need no lock.
    private void IndexSubTypes()
    {
        foreach (var type in TypeList)
        {
            var set = new HashSet<string>();
            if (type is UnionType u) foreach (var t in u.Types) set.Add(t.Name);
            else if (type is InterfaceType i)
            {
                var (objects, interfaces) = GetImplementations(i);
                foreach (var o in objects) set.Add(o.Name);
                foreach (var it in interfaces) set.Add(it.Name);
            }
            else continue;
            _subTypes.TryAdd(type.Name, set);
        }
    }

    /// <summary>graphql-js validateSchema; the result is computed once and cached.</summary>
    public IReadOnlyList<GraphQLError> Validate() => _validationErrors ??= SchemaValidator.Validate(this);

    private static void Collect(IGraphQLType type, OrderedSet all)
    {
        var named = TypeRules.NamedType(type);
        if (!all.Add(named)) return;
        switch (named)
        {
            case UnionType u:
                foreach (var member in u.Types) Collect(member, all);
                break;
            case IFieldsType ft:
                foreach (var iface in ft.Interfaces) Collect(iface, all);
                foreach (var field in ft.Fields)
                {
                    Collect(field.Type, all);
                    foreach (var arg in field.Arguments) Collect(arg.Type, all);
                }
                break;
            case InputObjectType io:
                foreach (var field in io.Fields) Collect(field.Type, all);
                break;
        }
    }

    /// <summary>A JavaScript Set of types: insertion-ordered, removal moves nothing else.</summary>
    private sealed class OrderedSet
    {
        private readonly List<INamedType?> _items = [];
        private readonly Dictionary<INamedType, int> _index = new(ReferenceEqualityComparer.Instance);

        public bool Add(INamedType type)
        {
            if (_index.ContainsKey(type)) return false;
            _index[type] = _items.Count;
            _items.Add(type);
            return true;
        }

        public void Remove(INamedType type)
        {
            if (_index.Remove(type, out var i)) _items[i] = null;
        }

        public IReadOnlyList<INamedType> Items => _items.Where(t => t is not null).Select(t => t!).ToList();
    }
}
