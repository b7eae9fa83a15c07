using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Introspection;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>
/// graphql-js 17 validateSchema (spec 3 "Type System" rules), with its messages and (for SDL-built schemas) its
/// locations: root types, directives, names, fields and arguments, interfaces and their implementations, unions,
/// enums, input objects (@oneOf rules, and input objects that can never be given a finite value).
/// Defaults are checked when written as literals (SDL); code-first defaults are internal values and are not.
/// Not ported: default-value cycles; extension nodes are not used for locations.
/// </summary>
internal sealed class SchemaValidator
{
    private readonly Schema _schema;
    private readonly List<GraphQLError> _errors = [];

    private SchemaValidator(Schema schema) => _schema = schema;

    public static IReadOnlyList<GraphQLError> Validate(Schema schema)
    {
        var validator = new SchemaValidator(schema);
        validator.ValidateRootTypes();
        validator.ValidateDirectives();
        validator.ValidateTypes();
        return validator._errors;
    }

    private void Report(string message, params IEnumerable<Node?> nodes) => _errors.Add(GraphQLError.At(message, nodes));

    private void ValidateRootTypes()
    {
        if (_schema.QueryType is null) Report("Query root type must be provided.", _schema.AstNode);
        foreach (var name in _schema.DuplicateTypeNames)
            Report($"Schema must contain uniquely named types but contains multiple types named \"{name}\".");
        var roots = new[] { (OperationType.Query, _schema.QueryType), (OperationType.Mutation, _schema.MutationType), (OperationType.Subscription, _schema.SubscriptionType) };
        foreach (var group in roots.Where(r => r.Item2 is not null).GroupBy(r => r.Item2!.Name))
        {
            var operations = group.Select(g => Printer.OperationName(g.Item1)).ToList();
            if (operations.Count < 2) continue;
            var list = operations.Count == 2 ? $"{operations[0]} and {operations[1]}" : $"{string.Join(", ", operations.Take(operations.Count - 1))}, and {operations[^1]}";
            Report($"All root types must be different, \"{group.Key}\" type is used as {list} root types.",
                group.Select(g => (Node?)_schema.AstNode?.OperationTypes.FirstOrDefault(o => o.Operation == g.Item1)?.Type));
        }
    }

    private void ValidateDirectives()
    {
        foreach (var directive in _schema.Directives)
        {
            ValidateName(directive.Name, directive.AstNode);
            if (directive.Locations.Count == 0) Report($"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
            foreach (var arg in directive.Arguments)
            {
                var coordinate = $"@{directive.Name}({arg.Name}:)";
                ValidateName(arg.Name, arg.AstNode);
                if (!TypeRules.IsInputType(arg.Type)) Report($"The type of {coordinate} must be Input Type but got: {arg.Type}.", arg.AstNode);
                if (arg.IsRequired && arg.DeprecationReason is not null)
                    Report($"Required argument {coordinate} cannot be deprecated.", Deprecated(arg.AstNode?.Directives), arg.AstNode?.Type);
                ValidateDefaultLiteral(coordinate, arg);
            }
        }
    }

    /// <summary>graphql-js validateDefaultValue, for defaults written as literals (SDL); code-first defaults are internal values.</summary>
    private void ValidateDefaultLiteral(string coordinate, InputValueDefinition value)
    {
        if (value.DefaultValueLiteral is not { } literal) return;
        Execution.InputValidation.ValidateInputLiteral(literal, value.Type, (error, path) =>
            _errors.Add(new GraphQLError($"{coordinate} has invalid default value{Execution.InputValidation.PrintPath(path)}: {error.Message}",
                error.Locations ?? GraphQLError.At("", literal).Locations)), null);
    }

    private void ValidateName(string name, Node? node)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
            Report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
    }

    private static DirectiveNode? Deprecated(IReadOnlyList<DirectiveNode>? directives) =>
        directives?.FirstOrDefault(d => d.Name.Value == "deprecated");

    private void ValidateTypes()
    {
        var inputObjects = new List<InputObjectType>();
        foreach (var type in _schema.TypeList)
        {
            if (!IntrospectionTypes.IsIntrospectionType(type)) ValidateName(type.Name, (type as NamedTypeBase)?.AstNode);
            switch (type)
            {
                case IFieldsType fieldsType:
                    ValidateFields(fieldsType);
                    ValidateInterfaces(fieldsType);
                    break;
                case UnionType union:
                    ValidateUnion(union);
                    break;
                case EnumType enumType:
                    if (enumType.Values.Count == 0) Report($"Enum type {enumType.Name} must define one or more values.", enumType.AstNode);
                    foreach (var value in enumType.Values) ValidateName(value.Name, value.AstNode);
                    break;
                case InputObjectType input:
                    ValidateInputFields(input);
                    inputObjects.Add(input);
                    break;
            }
        }
        DetectInputObjectsWithoutFiniteValues(inputObjects);
    }

    private void ValidateFields(IFieldsType type)
    {
        if (type.Fields.Count == 0) Report($"Type {type.Name} must define one or more fields.", (type as NamedTypeBase)?.AstNode);
        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, field.AstNode);
            if (!TypeRules.IsOutputType(field.Type))
                Report($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type);
            foreach (var arg in field.Arguments)
            {
                var coordinate = $"{type.Name}.{field.Name}({arg.Name}:)";
                ValidateName(arg.Name, arg.AstNode);
                if (!TypeRules.IsInputType(arg.Type)) Report($"The type of {coordinate} must be Input Type but got: {arg.Type}.", arg.AstNode?.Type);
                if (arg.IsRequired && arg.DeprecationReason is not null)
                    Report($"Required argument {coordinate} cannot be deprecated.", Deprecated(arg.AstNode?.Directives), arg.AstNode?.Type);
                ValidateDefaultLiteral(coordinate, arg);
            }
        }
    }

    private static IEnumerable<Node?> ImplementsNodes(IFieldsType type, INamedType iface) => (type as NamedTypeBase)?.AstNode switch
    {
        ObjectTypeDefinitionNode o => o.Interfaces.Where(i => i.Name.Value == iface.Name),
        InterfaceTypeDefinitionNode i => i.Interfaces.Where(n => n.Name.Value == iface.Name),
        _ => [],
    };

    private void ValidateInterfaces(IFieldsType type)
    {
        var seen = new HashSet<string>();
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                Report($"Type {type.Name} cannot implement itself because it would create a circular reference.", ImplementsNodes(type, iface));
                continue;
            }
            if (!seen.Add(iface.Name))
            {
                Report($"Type {type.Name} can only implement {iface.Name} once.", ImplementsNodes(type, iface));
                continue;
            }
            foreach (var transitive in iface.Interfaces)
            {
                if (type.Interfaces.Contains(transitive)) continue;
                Report(ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.",
                    ImplementsNodes(iface, transitive).Concat(ImplementsNodes(type, iface)));
            }
            ValidateImplementation(type, iface);
        }
    }

    private void ValidateImplementation(IFieldsType type, InterfaceType iface)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var field = type.Fields.Find(ifaceField.Name);
            if (field is null)
            {
                Report($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.", ifaceField.AstNode, (type as NamedTypeBase)?.AstNode);
                continue;
            }
            if (!TypeRules.IsTypeSubTypeOf(_schema, field.Type, ifaceField.Type))
                Report($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.",
                    ifaceField.AstNode?.Type, field.AstNode?.Type);
            foreach (var ifaceArg in ifaceField.Arguments)
            {
                var arg = field.Arguments.Find(ifaceArg.Name);
                if (arg is null)
                {
                    Report($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expected but {type.Name}.{field.Name} does not provide it.",
                        ifaceArg.AstNode, field.AstNode);
                    continue;
                }
                if (!TypeRules.IsEqualType(ifaceArg.Type, arg.Type))
                    Report($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{field.Name}({arg.Name}:) is type {arg.Type}.",
                        ifaceArg.AstNode?.Type, arg.AstNode?.Type);
            }
            foreach (var arg in field.Arguments)
                if (arg.IsRequired && ifaceField.Arguments.Find(arg.Name) is null)
                    Report($"Argument \"{type.Name}.{field.Name}({arg.Name}:)\" must not be required type \"{arg.Type}\" if not provided by the Interface field \"{iface.Name}.{ifaceField.Name}\".",
                        arg.AstNode, ifaceField.AstNode);
            if (field.DeprecationReason is not null && ifaceField.DeprecationReason is null)
                Report($"Interface field {iface.Name}.{ifaceField.Name} is not deprecated, so implementation field {type.Name}.{field.Name} must not be deprecated.",
                    Deprecated(field.AstNode?.Directives), field.AstNode?.Type);
        }
    }

    private void ValidateUnion(UnionType union)
    {
        if (union.Types.Count == 0) Report($"Union type {union.Name} must define one or more member types.", union.AstNode);
        var seen = new HashSet<string>();
        foreach (var member in union.Types)
        {
            if (seen.Add(member.Name)) continue;
            var nodes = (union.AstNode as UnionTypeDefinitionNode)?.Types.Where(t => t.Name.Value == member.Name) ?? [];
            Report($"Union type {union.Name} can only include type {member.Name} once.", nodes);
        }
    }

    private void ValidateInputFields(InputObjectType input)
    {
        if (input.Fields.Count == 0) Report($"Input Object type {input.Name} must define one or more fields.", input.AstNode);
        foreach (var field in input.Fields)
        {
            ValidateName(field.Name, field.AstNode);
            if (!TypeRules.IsInputType(field.Type))
                Report($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode?.Type);
            if (field.IsRequired && field.DeprecationReason is not null)
                Report($"Required input field {input.Name}.{field.Name} cannot be deprecated.", Deprecated(field.AstNode?.Directives), field.AstNode?.Type);
            ValidateDefaultLiteral($"{input.Name}.{field.Name}", field);
            if (input.IsOneOf)
            {
                if (field.Type is NonNullType) Report($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.AstNode?.Type);
                if (field.HasDefaultValue) Report($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode);
            }
        }
    }

    /// <summary>
    /// Spec 3.10 "Circular References": an input object must admit a finite value. A plain input object needs all its
    /// non-null input-object fields to admit one; a @oneOf input object needs one field that does (or a non-object field).
    /// </summary>
    private void DetectInputObjectsWithoutFiniteValues(List<InputObjectType> inputObjects)
    {
        var states = inputObjects.ToDictionary(i => i.Name, i => new FiniteState(i));
        var finite = new Stack<FiniteState>();
        void MarkFinite(FiniteState state)
        {
            if (state.HasFiniteValue) return;
            state.HasFiniteValue = true;
            finite.Push(state);
        }
        foreach (var state in states.Values)
        {
            var input = state.Input;
            foreach (var field in input.Fields)
            {
                var target = input.IsOneOf
                    ? field.Type as InputObjectType
                    : (field.Type as NonNullType)?.OfType as InputObjectType;
                if (target is null) continue;
                state.Targets.Add((field, target));
                if (states.TryGetValue(target.Name, out var targetState)) targetState.Dependents.Add(state);
            }
            if (input.IsOneOf)
            {
                if (input.Fields.Count == 0 || state.Targets.Count < input.Fields.Count) MarkFinite(state);
            }
            else
            {
                state.Unresolved = state.Targets.Count;
                if (state.Targets.Count == 0) MarkFinite(state);
            }
        }
        while (finite.Count > 0)
        {
            foreach (var dependent in finite.Pop().Dependents)
            {
                if (dependent.HasFiniteValue) continue;
                if (dependent.Input.IsOneOf || --dependent.Unresolved == 0) MarkFinite(dependent);
            }
        }
        var visited = new HashSet<string>();
        var fieldPath = new List<(string Text, Node? Node)>();
        var pathIndex = new Dictionary<string, int>();
        void ReportCycle(FiniteState state)
        {
            if (!visited.Add(state.Input.Name)) return;
            pathIndex[state.Input.Name] = fieldPath.Count;
            foreach (var (field, target) in state.Targets)
            {
                if (!states.TryGetValue(target.Name, out var targetState) || targetState.HasFiniteValue) continue;
                fieldPath.Add(($"{state.Input.Name}.{field.Name}", field.AstNode));
                if (!pathIndex.TryGetValue(target.Name, out var cycleIndex))
                {
                    ReportCycle(targetState);
                }
                else
                {
                    var cycle = fieldPath.Skip(cycleIndex).ToList();
                    Report($"Input Object {target.Name} cannot be provided a finite value because it references itself through fields: {string.Join(", ", cycle.Select(p => p.Text))}.",
                        cycle.Select(p => p.Node));
                }
                fieldPath.RemoveAt(fieldPath.Count - 1);
            }
            pathIndex.Remove(state.Input.Name);
        }
        foreach (var state in states.Values)
            if (!state.HasFiniteValue) ReportCycle(state);
    }

    private sealed class FiniteState(InputObjectType input)
    {
        public InputObjectType Input { get; } = input;
        public List<(InputValueDefinition Field, InputObjectType Target)> Targets { get; } = [];
        public List<FiniteState> Dependents { get; } = [];
        public int Unresolved { get; set; }
        public bool HasFiniteValue { get; set; }
    }
}
