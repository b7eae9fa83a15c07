using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Introspection;

/// <summary>The introspection types and meta fields of spec 4.2 "Schema Introspection", as graphql-js introspection.ts defines them.</summary>
public static class IntrospectionTypes
{
    private static readonly IGraphQLType StringType = BuiltInScalars.String;
    private static readonly IGraphQLType NonNullString = new NonNullType(BuiltInScalars.String);
    private static readonly IGraphQLType NonNullBoolean = new NonNullType(BuiltInScalars.Boolean);

    public static readonly EnumType TypeKind = new("__TypeKind")
    {
        Description = "An enum describing what kind of type a given `__Type` is.",
        Values =
        {
            new EnumValueDefinition("SCALAR") { Description = "Indicates this type is a scalar." },
            new EnumValueDefinition("OBJECT") { Description = "Indicates this type is an object. `fields` and `interfaces` are valid fields." },
            new EnumValueDefinition("INTERFACE") { Description = "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields." },
            new EnumValueDefinition("UNION") { Description = "Indicates this type is a union. `possibleTypes` is a valid field." },
            new EnumValueDefinition("ENUM") { Description = "Indicates this type is an enum. `enumValues` is a valid field." },
            new EnumValueDefinition("INPUT_OBJECT") { Description = "Indicates this type is an input object. `inputFields` is a valid field." },
            new EnumValueDefinition("LIST") { Description = "Indicates this type is a list. `ofType` is a valid field." },
            new EnumValueDefinition("NON_NULL") { Description = "Indicates this type is a non-null. `ofType` is a valid field." },
        },
    };

    public static readonly EnumType DirectiveLocationType = new("__DirectiveLocation")
    {
        Description = "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
        Values =
        {
            Location(DirectiveLocation.Query, "Location adjacent to a query operation."),
            Location(DirectiveLocation.Mutation, "Location adjacent to a mutation operation."),
            Location(DirectiveLocation.Subscription, "Location adjacent to a subscription operation."),
            Location(DirectiveLocation.Field, "Location adjacent to a field."),
            Location(DirectiveLocation.FragmentDefinition, "Location adjacent to a fragment definition."),
            Location(DirectiveLocation.FragmentSpread, "Location adjacent to a fragment spread."),
            Location(DirectiveLocation.InlineFragment, "Location adjacent to an inline fragment."),
            Location(DirectiveLocation.VariableDefinition, "Location adjacent to an operation variable definition."),
            Location(DirectiveLocation.FragmentVariableDefinition, "Location adjacent to a fragment variable definition."),
            Location(DirectiveLocation.Schema, "Location adjacent to a schema definition."),
            Location(DirectiveLocation.Scalar, "Location adjacent to a scalar definition."),
            Location(DirectiveLocation.Object, "Location adjacent to an object type definition."),
            Location(DirectiveLocation.FieldDefinition, "Location adjacent to a field definition."),
            Location(DirectiveLocation.ArgumentDefinition, "Location adjacent to an argument definition."),
            Location(DirectiveLocation.Interface, "Location adjacent to an interface definition."),
            Location(DirectiveLocation.Union, "Location adjacent to a union definition."),
            Location(DirectiveLocation.Enum, "Location adjacent to an enum definition."),
            Location(DirectiveLocation.EnumValue, "Location adjacent to an enum value definition."),
            Location(DirectiveLocation.InputObject, "Location adjacent to an input object type definition."),
            Location(DirectiveLocation.InputFieldDefinition, "Location adjacent to an input object field definition."),
            Location(DirectiveLocation.DirectiveDefinition, "Location adjacent to a directive definition."),
        },
    };

    public static readonly ObjectType Type = new("__Type")
    {
        Description = "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\n" +
                      "Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",
    };

    public static readonly ObjectType Field = new("__Field")
    {
        Description = "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
    };

    public static readonly ObjectType InputValue = new("__InputValue")
    {
        Description = "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
    };

    public static readonly ObjectType EnumValue = new("__EnumValue")
    {
        Description = "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
    };

    public static readonly ObjectType Directive = new("__Directive")
    {
        Description = "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\n" +
                      "In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.",
    };

    public static readonly ObjectType Schema = new("__Schema")
    {
        Description = "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
    };

    public static readonly FieldDefinition SchemaMetaField = new("__schema", new NonNullType(Schema))
    {
        Description = "Access the current type schema of this server.",
        Resolve = ctx => Sync(ctx.IntrospectedSchema),
    };

    public static readonly FieldDefinition TypeMetaField = new("__type", Type)
    {
        Description = "Request the type information of a single type.",
        Arguments = { new InputValueDefinition("name", NonNullString) },
        Resolve = ctx => Sync(ctx.IntrospectedSchema.GetType(ctx.Argument<string>("name")!)),
    };

    public static readonly FieldDefinition TypeNameMetaField = new("__typename", NonNullString)
    {
        Description = "The name of the current Object type at runtime.",
        Resolve = ctx => Sync(ctx.ParentType.Name),
    };

    public static IReadOnlyList<INamedType> All { get; } = [Schema, Directive, DirectiveLocationType, Type, Field, InputValue, EnumValue, TypeKind];

    public static bool IsIntrospectionType(INamedType type) => All.Any(t => t.Name == type.Name);

    /// <summary>
    /// graphql-js 17 schema coordinate of a field ("Type.field"); the meta fields have no parent type and print as
    /// "&lt;meta&gt;.__type".
    /// </summary>
    public static string FieldCoordinate(INamedType? parentType, FieldDefinition field) =>
        ReferenceEquals(field, SchemaMetaField) || ReferenceEquals(field, TypeMetaField) || ReferenceEquals(field, TypeNameMetaField)
            ? $"<meta>.{field.Name}"
            : $"{parentType?.Name}.{field.Name}";

    static IntrospectionTypes()
    {
        var includeDeprecated = () => new InputValueDefinition("includeDeprecated", NonNullBoolean) { DefaultValue = false };
        var nonNullType = new NonNullType(Type);

        Schema.Fields.Add(new FieldDefinition("description", StringType) { Resolve = ctx => Sync(((Types.Schema)ctx.Source!).Description) });
        Schema.Fields.Add(new FieldDefinition("types", new NonNullType(new ListType(nonNullType)))
        {
            Description = "A list of all types supported by this server.",
            Resolve = ctx => Sync(((Types.Schema)ctx.Source!).TypeList),
        });
        Schema.Fields.Add(new FieldDefinition("queryType", nonNullType)
        {
            Description = "The type that query operations will be rooted at.",
            Resolve = ctx => Sync(((Types.Schema)ctx.Source!).QueryType),
        });
        Schema.Fields.Add(new FieldDefinition("mutationType", Type)
        {
            Description = "If this server supports mutation, the type that mutation operations will be rooted at.",
            Resolve = ctx => Sync(((Types.Schema)ctx.Source!).MutationType),
        });
        Schema.Fields.Add(new FieldDefinition("subscriptionType", Type)
        {
            Description = "If this server support subscription, the type that subscription operations will be rooted at.",
            Resolve = ctx => Sync(((Types.Schema)ctx.Source!).SubscriptionType),
        });
        Schema.Fields.Add(new FieldDefinition("directives", new NonNullType(new ListType(new NonNullType(Directive))))
        {
            Description = "A list of all directives supported by this server.",
            Arguments = { includeDeprecated() },
            Resolve = ctx => Sync(NotDeprecated(((Types.Schema)ctx.Source!).Directives, d => d.DeprecationReason, ctx)),
        });

        Directive.Fields.Add(new FieldDefinition("name", NonNullString) { Resolve = ctx => Sync(((DirectiveDefinition)ctx.Source!).Name) });
        Directive.Fields.Add(new FieldDefinition("description", StringType) { Resolve = ctx => Sync(((DirectiveDefinition)ctx.Source!).Description) });
        Directive.Fields.Add(new FieldDefinition("isRepeatable", NonNullBoolean) { Resolve = ctx => Sync(((DirectiveDefinition)ctx.Source!).IsRepeatable) });
        Directive.Fields.Add(new FieldDefinition("locations", new NonNullType(new ListType(new NonNullType(DirectiveLocationType))))
        {
            Resolve = ctx => Sync(((DirectiveDefinition)ctx.Source!).Locations.Select(l => l.SpecName()).ToList()),
        });
        Directive.Fields.Add(new FieldDefinition("args", new NonNullType(new ListType(new NonNullType(InputValue))))
        {
            Arguments = { includeDeprecated() },
            Resolve = ctx => Sync(NotDeprecated(((DirectiveDefinition)ctx.Source!).Arguments, a => a.DeprecationReason, ctx)),
        });
        Directive.Fields.Add(new FieldDefinition("isDeprecated", NonNullBoolean) { Resolve = ctx => Sync(((DirectiveDefinition)ctx.Source!).DeprecationReason is not null) });
        Directive.Fields.Add(new FieldDefinition("deprecationReason", StringType) { Resolve = ctx => Sync(((DirectiveDefinition)ctx.Source!).DeprecationReason) });

        Type.Fields.Add(new FieldDefinition("kind", new NonNullType(TypeKind)) { Resolve = ctx => Sync(KindOf((IGraphQLType)ctx.Source!)) });
        Type.Fields.Add(new FieldDefinition("name", StringType) { Resolve = ctx => Sync((ctx.Source as INamedType)?.Name) });
        Type.Fields.Add(new FieldDefinition("description", StringType) { Resolve = ctx => Sync((ctx.Source as INamedType)?.Description) });
        Type.Fields.Add(new FieldDefinition("specifiedByURL", StringType) { Resolve = ctx => Sync((ctx.Source as ScalarType)?.SpecifiedByUrl) });
        Type.Fields.Add(new FieldDefinition("fields", new ListType(new NonNullType(Field)))
        {
            Arguments = { includeDeprecated() },
            Resolve = ctx => Sync(ctx.Source is IFieldsType ft ? NotDeprecated(ft.Fields, f => f.DeprecationReason, ctx) : null),
        });
        Type.Fields.Add(new FieldDefinition("interfaces", new ListType(nonNullType)) { Resolve = ctx => Sync((ctx.Source as IFieldsType)?.Interfaces) });
        Type.Fields.Add(new FieldDefinition("possibleTypes", new ListType(nonNullType))
        {
            Resolve = ctx => Sync(ctx.Source is IAbstractType abs ? ctx.Schema.GetPossibleTypes(abs) : null),
        });
        Type.Fields.Add(new FieldDefinition("enumValues", new ListType(new NonNullType(EnumValue)))
        {
            Arguments = { includeDeprecated() },
            Resolve = ctx => Sync(ctx.Source is EnumType e ? NotDeprecated(e.Values, v => v.DeprecationReason, ctx) : null),
        });
        Type.Fields.Add(new FieldDefinition("inputFields", new ListType(new NonNullType(InputValue)))
        {
            Arguments = { includeDeprecated() },
            Resolve = ctx => Sync(ctx.Source is InputObjectType io ? NotDeprecated(io.Fields, f => f.DeprecationReason, ctx) : null),
        });
        Type.Fields.Add(new FieldDefinition("ofType", Type)
        {
            Resolve = ctx => Sync(ctx.Source switch { ListType l => l.OfType, NonNullType n => n.OfType, _ => null }),
        });
        Type.Fields.Add(new FieldDefinition("isOneOf", BuiltInScalars.Boolean) { Resolve = ctx => Sync(ctx.Source is InputObjectType io ? io.IsOneOf : null) });

        Field.Fields.Add(new FieldDefinition("name", NonNullString) { Resolve = ctx => Sync(((FieldDefinition)ctx.Source!).Name) });
        Field.Fields.Add(new FieldDefinition("description", StringType) { Resolve = ctx => Sync(((FieldDefinition)ctx.Source!).Description) });
        Field.Fields.Add(new FieldDefinition("args", new NonNullType(new ListType(new NonNullType(InputValue))))
        {
            Arguments = { includeDeprecated() },
            Resolve = ctx => Sync(NotDeprecated(((FieldDefinition)ctx.Source!).Arguments, a => a.DeprecationReason, ctx)),
        });
        Field.Fields.Add(new FieldDefinition("type", nonNullType) { Resolve = ctx => Sync(((FieldDefinition)ctx.Source!).Type) });
        Field.Fields.Add(new FieldDefinition("isDeprecated", NonNullBoolean) { Resolve = ctx => Sync(((FieldDefinition)ctx.Source!).DeprecationReason is not null) });
        Field.Fields.Add(new FieldDefinition("deprecationReason", StringType) { Resolve = ctx => Sync(((FieldDefinition)ctx.Source!).DeprecationReason) });

        InputValue.Fields.Add(new FieldDefinition("name", NonNullString) { Resolve = ctx => Sync(((InputValueDefinition)ctx.Source!).Name) });
        InputValue.Fields.Add(new FieldDefinition("description", StringType) { Resolve = ctx => Sync(((InputValueDefinition)ctx.Source!).Description) });
        InputValue.Fields.Add(new FieldDefinition("type", nonNullType) { Resolve = ctx => Sync(((InputValueDefinition)ctx.Source!).Type) });
        InputValue.Fields.Add(new FieldDefinition("defaultValue", StringType)
        {
            Description = "A GraphQL-formatted string representing the default value for this input value.",
            Resolve = ctx =>
            {
                var input = (InputValueDefinition)ctx.Source!;
                if (!input.HasDefaultValue) return Sync(null);
                var literal = AstFromValue.Convert(input.DefaultValue, input.Type);
                return Sync(literal is null ? null : Printer.Print(literal));
            },
        });
        InputValue.Fields.Add(new FieldDefinition("isDeprecated", NonNullBoolean) { Resolve = ctx => Sync(((InputValueDefinition)ctx.Source!).DeprecationReason is not null) });
        InputValue.Fields.Add(new FieldDefinition("deprecationReason", StringType) { Resolve = ctx => Sync(((InputValueDefinition)ctx.Source!).DeprecationReason) });

        EnumValue.Fields.Add(new FieldDefinition("name", NonNullString) { Resolve = ctx => Sync(((EnumValueDefinition)ctx.Source!).Name) });
        EnumValue.Fields.Add(new FieldDefinition("description", StringType) { Resolve = ctx => Sync(((EnumValueDefinition)ctx.Source!).Description) });
        EnumValue.Fields.Add(new FieldDefinition("isDeprecated", NonNullBoolean) { Resolve = ctx => Sync(((EnumValueDefinition)ctx.Source!).DeprecationReason is not null) });
        EnumValue.Fields.Add(new FieldDefinition("deprecationReason", StringType) { Resolve = ctx => Sync(((EnumValueDefinition)ctx.Source!).DeprecationReason) });
    }

    private static EnumValueDefinition Location(DirectiveLocation location, string description) =>
        new(location.SpecName()) { Description = description };

    /// <summary>
    /// The items, less the deprecated ones unless includeDeprecated is true. Most lists have nothing deprecated: they
    /// are then handed out as they are (read-only once the schema is built) instead of copied for every request.
    /// </summary>
    private static IReadOnlyList<T> NotDeprecated<T>(IReadOnlyList<T> items, Func<T, string?> deprecationReason, ResolveContext ctx)
    {
        if (ctx.Argument<bool>("includeDeprecated")) return items;
        for (var i = 0; i < items.Count; i++)
            if (deprecationReason(items[i]) is not null) return Filter(items, deprecationReason);
        return items;
    }

    // Its own method: the lambda's captures would otherwise be allocated on every call of the one above.
    private static List<T> Filter<T>(IReadOnlyList<T> items, Func<T, string?> deprecationReason) =>
        items.Where(item => deprecationReason(item) is null).ToList();

    private static string KindOf(IGraphQLType type) => type switch
    {
        ScalarType => "SCALAR",
        ObjectType => "OBJECT",
        InterfaceType => "INTERFACE",
        UnionType => "UNION",
        EnumType => "ENUM",
        InputObjectType => "INPUT_OBJECT",
        ListType => "LIST",
        NonNullType => "NON_NULL",
        _ => throw new InvalidOperationException($"Unexpected type: {type}"),
    };

    private static ValueTask<object?> Sync(object? value) => new(value);

    // A Boolean field of every field, argument and enum value: one boxed value each rather than a box per call.
    private static readonly object True = true, False = false;
    private static ValueTask<object?> Sync(bool value) => new(value ? True : False);
}
