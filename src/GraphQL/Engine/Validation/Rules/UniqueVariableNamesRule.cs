using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.8.1 "Variable Uniqueness".</summary>
public sealed class UniqueVariableNamesRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode op) return true;
        foreach (var group in op.VariableDefinitions.GroupBy(v => v.Variable.Name.Value))
            if (group.Count() > 1)
                context.ReportError(GraphQLError.At($"There can be only one variable named \"${group.Key}\".", group.Select(v => v.Variable.Name)));
        return true;
    }
}
