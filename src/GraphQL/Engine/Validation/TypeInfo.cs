using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation;

/// <summary>Tracks the schema types at the current point of a walk (graphql-js TypeInfo, 17.x semantics).</summary>
internal sealed class TypeInfo(Schema schema)
{
    private readonly List<IGraphQLType?> _typeStack = [];
    private readonly List<ICompositeType?> _parentTypeStack = [];
    private readonly List<IGraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<(bool Has, object? Value)> _defaultValueStack = [];

    public IGraphQLType? Type => _typeStack.Count > 0 ? _typeStack[^1] : null;
    public ICompositeType? ParentType => _parentTypeStack.Count > 0 ? _parentTypeStack[^1] : null;
    public IGraphQLType? InputType => _inputTypeStack.Count > 0 ? _inputTypeStack[^1] : null;
    public IGraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;
    public FieldDefinition? FieldDef => _fieldDefStack.Count > 0 ? _fieldDefStack[^1] : null;
    public bool HasDefaultValue => _defaultValueStack.Count > 0 && _defaultValueStack[^1].Has;
    public object? DefaultValue => _defaultValueStack.Count > 0 ? _defaultValueStack[^1].Value : null;
    public DirectiveDefinition? Directive { get; private set; }
    public InputValueDefinition? Argument { get; private set; }
    public EnumValueDefinition? EnumValue { get; private set; }

    /// <summary>graphql-js schema.getField: meta fields, then the type's own fields.</summary>
    public static FieldDefinition? GetFieldDef(Schema schema, ICompositeType parentType, string name)
    {
        if (name == "__schema" && ReferenceEquals(schema.QueryType, parentType)) return Introspection.IntrospectionTypes.SchemaMetaField;
        if (name == "__type" && ReferenceEquals(schema.QueryType, parentType)) return Introspection.IntrospectionTypes.TypeMetaField;
        if (name == "__typename") return Introspection.IntrospectionTypes.TypeNameMetaField;
        return parentType is IFieldsType ft ? ft.Fields.Find(name) : null;
    }

    public void Enter(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
            {
                var namedType = Type is null ? null : TypeRules.NamedType(Type);
                _parentTypeStack.Add(namedType as ICompositeType);
                break;
            }
            case FieldNode field:
            {
                var parentType = ParentType;
                var fieldDef = parentType is null ? null : GetFieldDef(schema, parentType, field.Name.Value);
                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef is not null && TypeRules.IsOutputType(fieldDef.Type) ? fieldDef.Type : null);
                break;
            }
            case DirectiveNode directive:
                Directive = schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                PushFragmentType(inline.TypeCondition);
                break;
            case FragmentDefinitionNode fragment:
                PushFragmentType(fragment.TypeCondition);
                break;
            case VariableDefinitionNode variable:
            {
                var inputType = TypeRules.FromAst(schema, variable.Type);
                _inputTypeStack.Add(inputType is not null && TypeRules.IsInputType(inputType) ? inputType : null);
                break;
            }
            case ArgumentNode argument:
            {
                var arguments = Directive?.Arguments ?? FieldDef?.Arguments;
                var argDef = arguments?.Find(argument.Name.Value);
                Argument = argDef;
                _defaultValueStack.Add(argDef is { HasDefaultValue: true } ? (true, argDef.DefaultValue) : (false, null));
                _inputTypeStack.Add(argDef is not null && TypeRules.IsInputType(argDef.Type) ? argDef.Type : null);
                break;
            }
            case ListValueNode:
            {
                var listType = InputType is null ? null : TypeRules.Nullable(InputType);
                _defaultValueStack.Add((false, null));
                _inputTypeStack.Add(listType is ListType l ? l.OfType : null);
                break;
            }
            case ObjectFieldNode objectField:
            {
                var objectType = InputType is null ? null : TypeRules.NamedType(InputType);
                var inputField = (objectType as InputObjectType)?.Fields.Find(objectField.Name.Value);
                _defaultValueStack.Add(inputField is { HasDefaultValue: true } ? (true, inputField.DefaultValue) : (false, null));
                _inputTypeStack.Add(inputField is not null && TypeRules.IsInputType(inputField.Type) ? inputField.Type : null);
                break;
            }
            case EnumValueNode enumValue:
            {
                var enumType = InputType is null ? null : TypeRules.NamedType(InputType) as EnumType;
                EnumValue = enumType?.Values.Find(enumValue.Value);
                break;
            }
        }
    }

    public void Leave(Node node)
    {
        switch (node)
        {
            case SelectionSetNode: Pop(_parentTypeStack); break;
            case FieldNode:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case DirectiveNode: Directive = null; break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode: Pop(_typeStack); break;
            case VariableDefinitionNode: Pop(_inputTypeStack); break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case ListValueNode or ObjectFieldNode:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case EnumValueNode: EnumValue = null; break;
        }
    }

    private void PushFragmentType(NamedTypeNode? typeCondition)
    {
        var outputType = typeCondition is not null ? TypeRules.FromAst(schema, typeCondition) : Type is null ? null : TypeRules.NamedType(Type);
        _typeStack.Add(outputType is not null && TypeRules.IsOutputType(outputType) ? outputType : null);
    }

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0) stack.RemoveAt(stack.Count - 1);
    }
}
