using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Introspection;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Types;

/// <summary>
/// Builds a schema from SDL (graphql-js buildSchema / buildASTSchema): types, extensions, directives, descriptions,
/// @deprecated, @specifiedBy and @oneOf. Fields get the default resolver and abstract types resolve by "__typename";
/// custom scalars pass values through. Useful for tests and for schema-first servers that attach resolvers later
/// via <paramref name="resolvers"/> ("Type.field" → resolver).
/// </summary>
public static class SchemaBuilder
{
    public static Schema FromSdl(string sdl, IReadOnlyDictionary<string, Func<ResolveContext, ValueTask<object?>>>? resolvers = null) =>
        FromDocument(Parser.Parse(sdl), resolvers);

    public static Schema FromDocument(DocumentNode document, IReadOnlyDictionary<string, Func<ResolveContext, ValueTask<object?>>>? resolvers = null)
    {
        var typeDefinitions = document.Definitions.OfType<TypeDefinitionNode>().ToList();
        var extensions = document.Definitions.OfType<TypeExtensionNode>().ToList();
        var types = new Dictionary<string, INamedType>();
        foreach (var standard in BuiltInScalars.All.Cast<INamedType>().Concat(IntrospectionTypes.All)) types[standard.Name] = standard;
        var ordered = new List<INamedType>();

        // First pass: a shell per defined type, so fields can refer to any type.
        foreach (var definition in typeDefinitions)
        {
            if (types.TryGetValue(definition.Name.Value, out var standard) && (BuiltInScalars.IsSpecified(standard) || IntrospectionTypes.IsIntrospectionType(standard)))
            {
                ordered.Add(standard);
                continue;
            }
            var extensionsOf = extensions.Where(e => e.Name.Value == definition.Name.Value).ToList();
            var directives = definition.Directives.Concat(extensionsOf.SelectMany(e => e.Directives)).ToList();
            INamedType type = definition switch
            {
                ScalarTypeDefinitionNode s => new ScalarType(s.Name.Value)
                {
                    Description = s.Description?.Value, AstNode = s, AppliedDirectives = directives,
                    SpecifiedByUrl = ArgumentString(directives, "specifiedBy", "url"),
                },
                ObjectTypeDefinitionNode o => new ObjectType(o.Name.Value) { Description = o.Description?.Value, AstNode = o, AppliedDirectives = directives },
                InterfaceTypeDefinitionNode i => new InterfaceType(i.Name.Value) { Description = i.Description?.Value, AstNode = i, AppliedDirectives = directives },
                UnionTypeDefinitionNode u => new UnionType(u.Name.Value) { Description = u.Description?.Value, AstNode = u, AppliedDirectives = directives },
                EnumTypeDefinitionNode e => new EnumType(e.Name.Value) { Description = e.Description?.Value, AstNode = e, AppliedDirectives = directives },
                InputObjectTypeDefinitionNode io => new InputObjectType(io.Name.Value)
                {
                    Description = io.Description?.Value, AstNode = io, AppliedDirectives = directives,
                    IsOneOf = directives.Any(d => d.Name.Value == "oneOf"),
                },
                _ => throw new InvalidOperationException($"Unexpected definition {definition.GetType().Name}"),
            };
            types[type.Name] = type;
            ordered.Add(type);
        }

        IGraphQLType TypeOf(TypeNode node) => node switch
        {
            NonNullTypeNode nn => new NonNullType(TypeOf(nn.Type)),
            ListTypeNode l => new ListType(TypeOf(l.Type)),
            NamedTypeNode n => types.TryGetValue(n.Name.Value, out var t) ? t : throw new InvalidOperationException($"Unknown type \"{n.Name.Value}\"."),
            _ => throw new InvalidOperationException(),
        };

        InputValueDefinition InputValue(InputValueDefinitionNode node)
        {
            var type = TypeOf(node.Type);
            var deprecation = DeprecationReason(node.Directives);
            if (node.DefaultValue is null)
                return new InputValueDefinition(node.Name.Value, type)
                    { Description = node.Description?.Value, DeprecationReason = deprecation, AstNode = node, AppliedDirectives = node.Directives };
            return new InputValueDefinition(node.Name.Value, type)
            {
                Description = node.Description?.Value, DeprecationReason = deprecation, AstNode = node, AppliedDirectives = node.Directives,
                DefaultValueLiteral = node.DefaultValue,
            };
        }

        FieldDefinition Field(string typeName, FieldDefinitionNode node)
        {
            var arguments = new InputValueList();
            foreach (var a in node.Arguments) arguments.Add(InputValue(a));
            return new FieldDefinition(node.Name.Value, TypeOf(node.Type))
            {
                Description = node.Description?.Value, Arguments = arguments, DeprecationReason = DeprecationReason(node.Directives),
                AstNode = node, AppliedDirectives = node.Directives,
                Resolve = resolvers?.GetValueOrDefault($"{typeName}.{node.Name.Value}"),
            };
        }

        // Second pass: fields, interfaces, members and values, definitions first, then extensions in document order.
        foreach (var type in ordered)
        {
            var nodes = new List<Node>();
            if (type is NamedTypeBase { AstNode: { } ast }) nodes.Add(ast);
            nodes.AddRange(extensions.Where(e => e.Name.Value == type.Name));
            foreach (var node in nodes)
            {
                switch (type, node)
                {
                    case (ObjectType o, ObjectTypeDefinitionNode d):
                        o.Interfaces.AddRange(d.Interfaces.Select(i => (InterfaceType)TypeOf(i)));
                        foreach (var f in d.Fields) o.Fields.Add(Field(o.Name, f));
                        break;
                    case (ObjectType o, ObjectTypeExtensionNode d):
                        o.Interfaces.AddRange(d.Interfaces.Select(i => (InterfaceType)TypeOf(i)));
                        foreach (var f in d.Fields) o.Fields.Add(Field(o.Name, f));
                        break;
                    case (InterfaceType i, InterfaceTypeDefinitionNode d):
                        i.Interfaces.AddRange(d.Interfaces.Select(x => (InterfaceType)TypeOf(x)));
                        foreach (var f in d.Fields) i.Fields.Add(Field(i.Name, f));
                        break;
                    case (InterfaceType i, InterfaceTypeExtensionNode d):
                        i.Interfaces.AddRange(d.Interfaces.Select(x => (InterfaceType)TypeOf(x)));
                        foreach (var f in d.Fields) i.Fields.Add(Field(i.Name, f));
                        break;
                    case (UnionType u, UnionTypeDefinitionNode d):
                        u.Types.AddRange(d.Types.Select(t => (ObjectType)TypeOf(t)));
                        break;
                    case (UnionType u, UnionTypeExtensionNode d):
                        u.Types.AddRange(d.Types.Select(t => (ObjectType)TypeOf(t)));
                        break;
                    case (EnumType e, EnumTypeDefinitionNode d):
                        foreach (var v in d.Values) e.Values.Add(EnumValue(v));
                        break;
                    case (EnumType e, EnumTypeExtensionNode d):
                        foreach (var v in d.Values) e.Values.Add(EnumValue(v));
                        break;
                    case (InputObjectType io, InputObjectTypeDefinitionNode d):
                        foreach (var f in d.Fields) io.Fields.Add(InputValue(f));
                        break;
                    case (InputObjectType io, InputObjectTypeExtensionNode d):
                        foreach (var f in d.Fields) io.Fields.Add(InputValue(f));
                        break;
                }
            }
        }

        var directivesDefined = document.Definitions.OfType<DirectiveDefinitionNode>().Select(d =>
        {
            var definition = new DirectiveDefinition(d.Name.Value, d.Locations.Select(l => DirectiveLocations.FromSpecName(l.Value)!.Value).ToArray())
            {
                Description = d.Description?.Value, IsRepeatable = d.Repeatable, AstNode = d,
                DeprecationReason = DeprecationReason(d.Directives),
            };
            foreach (var a in d.Arguments) definition.Arguments.Add(InputValue(a));
            return definition;
        }).ToList();
        var allDirectives = new List<DirectiveDefinition>(directivesDefined);
        foreach (var specified in SpecifiedDirectives.All)
            if (allDirectives.All(d => d.Name != specified.Name)) allDirectives.Add(specified);

        var schemaDefinition = document.Definitions.OfType<SchemaDefinitionNode>().FirstOrDefault();
        var operationTypes = (schemaDefinition?.OperationTypes ?? [])
            .Concat(document.Definitions.OfType<SchemaExtensionNode>().SelectMany(e => e.OperationTypes)).ToList();
        ObjectType? Root(OperationType operation, string defaultName)
        {
            var explicitType = operationTypes.FirstOrDefault(o => o.Operation == operation);
            if (explicitType is not null) return TypeOf(explicitType.Type) as ObjectType;
            return schemaDefinition is null && operationTypes.Count == 0 ? types.GetValueOrDefault(defaultName) as ObjectType : null;
        }

        return new Schema(Root(OperationType.Query, "Query"), Root(OperationType.Mutation, "Mutation"), Root(OperationType.Subscription, "Subscription"),
            ordered, allDirectives)
        {
            Description = schemaDefinition?.Description?.Value,
            AstNode = schemaDefinition,
        };
    }

    private static EnumValueDefinition EnumValue(EnumValueDefinitionNode node) =>
        new(node.Name.Value)
        {
            Description = node.Description?.Value, DeprecationReason = DeprecationReason(node.Directives), AstNode = node,
            AppliedDirectives = node.Directives,
        };

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = directives.FirstOrDefault(d => d.Name.Value == "deprecated");
        if (deprecated is null) return null;
        return ArgumentString([deprecated], "deprecated", "reason") ?? SpecifiedDirectives.DefaultDeprecationReason;
    }

    private static string? ArgumentString(IEnumerable<DirectiveNode> directives, string directive, string argument) =>
        directives.FirstOrDefault(d => d.Name.Value == directive)?.Arguments.FirstOrDefault(a => a.Name.Value == argument)?.Value is StringValueNode s
            ? s.Value
            : null;
}
