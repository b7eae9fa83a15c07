using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.8.5 "All Variable Usages Are Allowed": a variable's type must fit every position it is used in.</summary>
public sealed class VariablesInAllowedPositionRule : ValidationRule
{
    private Dictionary<string, VariableDefinitionNode> _definitions = new();

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is OperationDefinitionNode op)
        {
            _definitions = new Dictionary<string, VariableDefinitionNode>();
            foreach (var v in op.VariableDefinitions) _definitions[v.Variable.Name.Value] = v;
        }
        return true;
    }

    public override void Leave(Node node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode op) return;
        foreach (var usage in context.GetRecursiveVariableUsages(op))
        {
            var name = usage.Node.Name.Value;
            if (!_definitions.TryGetValue(name, out var definition) || usage.Type is null) continue;
            var schema = context.Schema;
            var varType = TypeRules.FromAst(schema, definition.Type);
            if (varType is null) continue;
            if (!AllowedVariableUsage(schema, varType, definition.DefaultValue, usage.Type, usage.HasDefaultValue))
                context.ReportError(GraphQLError.At($"Variable \"${name}\" of type \"{varType}\" used in position expecting type \"{usage.Type}\".", definition, usage.Node));
            if (usage.ParentType is InputObjectType { IsOneOf: true } parent && varType is not NonNullType)
                context.ReportError(GraphQLError.At($"Variable \"${name}\" is of type \"{varType}\" but must be non-nullable to be used for OneOf Input Object \"{parent.Name}\".", definition, usage.Node));
        }
    }

    private static bool AllowedVariableUsage(Schema schema, IGraphQLType varType, ValueNode? varDefault, IGraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && varType is not NonNullType)
        {
            var hasNonNullVariableDefault = varDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !locationHasDefault) return false;
            return TypeRules.IsTypeSubTypeOf(schema, varType, nonNullLocation.OfType);
        }
        return TypeRules.IsTypeSubTypeOf(schema, varType, locationType);
    }
}
