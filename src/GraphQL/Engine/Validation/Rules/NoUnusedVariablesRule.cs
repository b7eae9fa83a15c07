using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.8.4 "All Variables Used".</summary>
public sealed class NoUnusedVariablesRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode op) return true;
        var used = context.GetRecursiveVariableUsages(op).Select(u => u.Node.Name.Value).ToHashSet();
        foreach (var definition in op.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            if (!used.Contains(name))
                context.ReportError(GraphQLError.At(op.Name is not null
                    ? $"Variable \"${name}\" is never used in operation \"{op.Name.Value}\"."
                    : $"Variable \"${name}\" is never used.", definition));
        }
        return true;
    }
}
