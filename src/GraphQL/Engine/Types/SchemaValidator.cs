using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Introspection;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>
/// graphql-js validateSchema (spec 3 "Type System" rules), with its messages: root types, directives, names,
/// fields, arguments, interfaces and their implementations, unions, enums, input objects (including @oneOf and
/// non-null cycles).
/// </summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<GraphQLError> Validate(Schema schema)
    {
        var errors = new List<GraphQLError>();
        void Report(string message, params Node?[] nodes) => errors.Add(GraphQLError.At(message, nodes));

        // Root types (spec 3.3.1).
        if (schema.QueryType is null) Report("Query root type must be provided.", schema.AstNode);
        foreach (var name in schema.DuplicateTypeNames)
            Report($"Schema must contain uniquely named types but contains multiple types named \"{name}\".");

        // Directives (spec 3.13).
        var seenDirectives = new HashSet<string>();
        foreach (var directive in schema.Directives)
        {
            ValidateName(directive.Name, Report, directive.AstNode);
            if (!seenDirectives.Add(directive.Name)) Report($"Directive @{directive.Name} defined multiple times.", directive.AstNode);
            if (directive.Locations.Count == 0) Report($"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
            foreach (var arg in directive.Arguments)
            {
                ValidateName(arg.Name, Report, arg.AstNode);
                if (!TypeRules.IsInputType(arg.Type))
                    Report($"The type of @{directive.Name}({arg.Name}:) must be Input Type but got: {arg.Type}.", arg.AstNode);
                if (arg.IsRequired && arg.DeprecationReason is not null)
                    Report($"Required argument @{directive.Name}({arg.Name}:) cannot be deprecated.", arg.AstNode);
            }
        }

        foreach (var type in schema.TypeList)
        {
            if (!IntrospectionTypes.IsIntrospectionType(type)) ValidateName(type.Name, Report, (type as NamedTypeBase)?.AstNode);
            switch (type)
            {
                case ObjectType o:
                    ValidateFields(schema, o, Report);
                    ValidateInterfaces(schema, o, Report);
                    break;
                case InterfaceType i:
                    ValidateFields(schema, i, Report);
                    ValidateInterfaces(schema, i, Report);
                    break;
                case UnionType u:
                    if (u.Types.Count == 0) Report($"Union type {u.Name} must define one or more member types.", u.AstNode);
                    var members = new HashSet<string>();
                    foreach (var member in u.Types)
                        if (!members.Add(member.Name)) Report($"Union type {u.Name} can only include type {member.Name} once.", u.AstNode);
                    break;
                case EnumType e:
                    if (e.Values.Count == 0) Report($"Enum type {e.Name} must define one or more values.", e.AstNode);
                    foreach (var value in e.Values) ValidateName(value.Name, Report, value.AstNode);
                    break;
                case InputObjectType io:
                    if (io.Fields.Count == 0) Report($"Input Object type {io.Name} must define one or more fields.", io.AstNode);
                    foreach (var field in io.Fields)
                    {
                        ValidateName(field.Name, Report, field.AstNode);
                        if (!TypeRules.IsInputType(field.Type))
                            Report($"The type of {io.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode);
                        if (field.IsRequired && field.DeprecationReason is not null)
                            Report($"Required input field {io.Name}.{field.Name} cannot be deprecated.", field.AstNode);
                        if (io.IsOneOf)
                        {
                            if (field.Type is NonNullType) Report($"OneOf input field {io.Name}.{field.Name} must be nullable.", field.AstNode);
                            if (field.HasDefaultValue) Report($"OneOf input field {io.Name}.{field.Name} cannot have a default value.", field.AstNode);
                        }
                    }
                    ValidateInputCycles(io, Report);
                    break;
            }
        }
        return errors;
    }

    private static void ValidateName(string name, Action<string, Node?[]> report, Node? node)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
            report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", [node]);
    }

    private static void ValidateFields(Schema schema, IFieldsType type, Action<string, Node?[]> report)
    {
        if (type.Fields.Count == 0) report($"Type {type.Name} must define one or more fields.", [(type as NamedTypeBase)?.AstNode]);
        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, report, field.AstNode);
            if (!TypeRules.IsOutputType(field.Type))
                report($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", [field.AstNode?.Type]);
            foreach (var arg in field.Arguments)
            {
                ValidateName(arg.Name, report, arg.AstNode);
                if (!TypeRules.IsInputType(arg.Type))
                    report($"The type of {type.Name}.{field.Name}({arg.Name}:) must be Input Type but got: {arg.Type}.", [arg.AstNode?.Type]);
                if (arg.IsRequired && arg.DeprecationReason is not null)
                    report($"Required argument {type.Name}.{field.Name}({arg.Name}:) cannot be deprecated.", [arg.AstNode]);
            }
        }
    }

    private static void ValidateInterfaces(Schema schema, IFieldsType type, Action<string, Node?[]> report)
    {
        var seen = new HashSet<string>();
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                report($"Type {type.Name} cannot implement itself because it would create a circular reference.", [(type as NamedTypeBase)?.AstNode]);
                continue;
            }
            if (!seen.Add(iface.Name))
            {
                report($"Type {type.Name} can only implement {iface.Name} once.", [(type as NamedTypeBase)?.AstNode]);
                continue;
            }
            foreach (var transitive in iface.Interfaces)
                if (!type.Interfaces.Contains(transitive))
                    report(transitive == type
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.", [(type as NamedTypeBase)?.AstNode]);
            foreach (var ifaceField in iface.Fields)
            {
                var field = type.Fields.Find(ifaceField.Name);
                if (field is null)
                {
                    report($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.", [ifaceField.AstNode, (type as NamedTypeBase)?.AstNode]);
                    continue;
                }
                if (!TypeRules.IsTypeSubTypeOf(schema, field.Type, ifaceField.Type))
                    report($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.", [ifaceField.AstNode?.Type, field.AstNode?.Type]);
                foreach (var ifaceArg in ifaceField.Arguments)
                {
                    var arg = field.Arguments.Find(ifaceArg.Name);
                    if (arg is null)
                    {
                        report($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expected but {type.Name}.{field.Name} does not provide it.", [ifaceArg.AstNode, field.AstNode]);
                        continue;
                    }
                    if (!TypeRules.IsEqualType(ifaceArg.Type, arg.Type))
                        report($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{field.Name}({arg.Name}:) is type {arg.Type}.", [ifaceArg.AstNode?.Type, arg.AstNode?.Type]);
                }
                foreach (var arg in field.Arguments)
                    if (ifaceField.Arguments.Find(arg.Name) is null && arg.IsRequired)
                        report($"Argument \"{type.Name}.{field.Name}({arg.Name}:)\" must not be required type \"{arg.Type}\" if not provided by the Interface field \"{iface.Name}.{ifaceField.Name}\".", [arg.AstNode, ifaceField.AstNode]);
            }
        }
    }

    /// <summary>Spec 3.10 "Circular References": an input object cannot reach itself through non-null singular fields only.</summary>
    private static void ValidateInputCycles(InputObjectType start, Action<string, Node?[]> report)
    {
        var path = new List<InputValueDefinition>();
        var onPath = new HashSet<string>();
        void Visit(InputObjectType type)
        {
            if (!onPath.Add(type.Name)) return;
            foreach (var field in type.Fields)
            {
                if (field.Type is not NonNullType { OfType: InputObjectType next }) continue;
                path.Add(field);
                if (next.Name == start.Name)
                {
                    report($"Cannot reference Input Object \"{start.Name}\" within itself through a series of non-null fields: \"{string.Join(".", path.Select(p => p.Name))}\".",
                        path.Select(p => (Node?)p.AstNode).ToArray());
                }
                else if (!onPath.Contains(next.Name))
                {
                    Visit(next);
                }
                path.RemoveAt(path.Count - 1);
            }
            onPath.Remove(type.Name);
        }
        Visit(start);
    }
}
