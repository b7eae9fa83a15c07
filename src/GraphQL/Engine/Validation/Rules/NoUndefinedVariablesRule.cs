using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.8.3 "All Variable Uses Defined".</summary>
public sealed class NoUndefinedVariablesRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode op) return true;
        var defined = op.VariableDefinitions.Select(v => v.Variable.Name.Value).ToHashSet();
        foreach (var usage in context.GetRecursiveVariableUsages(op))
        {
            var name = usage.Node.Name.Value;
            if (!defined.Contains(name))
                context.ReportError(GraphQLError.At(op.Name is not null
                    ? $"Variable \"${name}\" is not defined by operation \"{op.Name.Value}\"."
                    : $"Variable \"${name}\" is not defined.", usage.Node, op));
        }
        return true;
    }
}
