using Cases.GraphQL.Engine.Introspection;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Types;

/// <summary>graphql-js 17 printSchema: SDL of the schema without specified directives, built-in scalars and introspection types.</summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema)
    {
        var parts = new List<string?> { PrintSchemaDefinition(schema) };
        parts.AddRange(schema.Directives.Where(d => !SpecifiedDirectives.IsSpecified(d)).Select(PrintDirective));
        parts.AddRange(schema.TypeList.Where(t => !BuiltInScalars.IsSpecified(t) && !IntrospectionTypes.IsIntrospectionType(t)).Select(PrintType));
        return string.Join("\n\n", parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    /// <summary>graphql-js printIntrospectionSchema: the specified directives and the introspection types.</summary>
    public static string PrintIntrospectionSchema(Schema schema)
    {
        var parts = new List<string>();
        parts.AddRange(schema.Directives.Where(SpecifiedDirectives.IsSpecified).Select(PrintDirective));
        parts.AddRange(schema.TypeList.Where(IntrospectionTypes.IsIntrospectionType).Select(PrintType));
        return string.Join("\n\n", parts);
    }

    private static string? PrintSchemaDefinition(Schema schema)
    {
        if (schema.QueryType is null && schema.MutationType is null && schema.SubscriptionType is null) return null;
        var isDefault = Same(schema.QueryType, schema.GetType("Query")) && Same(schema.MutationType, schema.GetType("Mutation"))
                        && Same(schema.SubscriptionType, schema.GetType("Subscription"));
        if (schema.Description is null && isDefault) return null;
        return Description(schema.Description) + "schema {\n"
               + (schema.QueryType is { } q ? $"  query: {q.Name}\n" : "")
               + (schema.MutationType is { } m ? $"  mutation: {m.Name}\n" : "")
               + (schema.SubscriptionType is { } s ? $"  subscription: {s.Name}\n" : "")
               + "}";
    }

    private static bool Same(INamedType? a, INamedType? b) => ReferenceEquals(a, b);

    public static string PrintType(INamedType type) => type switch
    {
        ScalarType s => Description(s.Description) + $"scalar {s.Name}"
                        + (s.SpecifiedByUrl is { } url ? $" @specifiedBy(url: {Printer.PrintString(url)})" : ""),
        ObjectType o => Description(o.Description) + $"type {o.Name}" + Implements(o.Interfaces) + Fields(o.Fields),
        InterfaceType i => Description(i.Description) + $"interface {i.Name}" + Implements(i.Interfaces) + Fields(i.Fields),
        UnionType u => Description(u.Description) + $"union {u.Name}" + (u.Types.Count > 0 ? " = " + string.Join(" | ", u.Types.Select(t => t.Name)) : ""),
        EnumType e => Description(e.Description) + $"enum {e.Name}"
                      + Block(e.Values.Select((v, i) => Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason)).ToList()),
        InputObjectType io => Description(io.Description) + $"input {io.Name}" + (io.IsOneOf ? " @oneOf" : "")
                              + Block(io.Fields.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + InputValue(f)).ToList()),
        _ => throw new InvalidOperationException($"Unexpected type: {type}"),
    };

    private static string PrintDirective(DirectiveDefinition directive) =>
        Description(directive.Description) + $"directive @{directive.Name}" + Args(directive.Arguments)
        + Deprecated(directive.DeprecationReason) + (directive.IsRepeatable ? " repeatable" : "") + " on " + string.Join(" | ", directive.Locations.Select(l => l.SpecName()));

    private static string Implements(List<InterfaceType> interfaces) =>
        interfaces.Count > 0 ? " implements " + string.Join(" & ", interfaces.Select(i => i.Name)) : "";

    private static string Fields(FieldList fields) =>
        Block(fields.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + f.Name + Args(f.Arguments, "  ") + ": " + f.Type + Deprecated(f.DeprecationReason)).ToList());

    private static string Block(List<string> items) => items.Count != 0 ? " {\n" + string.Join("\n", items) + "\n}" : "";

    private static string Args(InputValueList args, string indentation = "")
    {
        if (args.Count == 0) return "";
        if (args.All(a => a.Description is null)) return "(" + string.Join(", ", args.Select(InputValue)) + ")";
        return "(\n" + string.Join("\n", args.Select((a, i) => Description(a.Description, "  " + indentation, i == 0) + "  " + indentation + InputValue(a)))
               + "\n" + indentation + ")";
    }

    private static string InputValue(InputValueDefinition value)
    {
        var declaration = value.Name + ": " + value.Type;
        if (value.HasDefaultValue && AstFromValue.Convert(value.DefaultValue, value.Type) is { } literal)
            declaration += " = " + Printer.Print(literal);
        return declaration + Deprecated(value.DeprecationReason);
    }

    private static string Deprecated(string? reason)
    {
        if (reason is null) return "";
        return reason != SpecifiedDirectives.DefaultDeprecationReason ? $" @deprecated(reason: {Printer.PrintString(reason)})" : " @deprecated";
    }

    private static string Description(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null) return "";
        var block = Printer.Print(new StringValueNode(description, BlockString.IsPrintableAsBlockString(description)));
        var prefix = indentation != "" && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + block.Replace("\n", "\n" + indentation) + "\n";
    }
}
