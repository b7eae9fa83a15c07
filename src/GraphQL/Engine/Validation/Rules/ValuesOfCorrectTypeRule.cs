using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.6.1 "Values of Correct Type": every literal must be coercible to the type expected where it appears
/// (graphql-js 17 validateInputLiteral in static mode: variables are checked by VariablesInAllowedPosition instead).
/// </summary>
public sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        var type = node switch
        {
            ListValueNode => context.ParentInputType,
            NullValueNode or ObjectValueNode or EnumValueNode or IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode => context.InputType,
            _ => null,
        };
        if (node is not ValueNode value || node is VariableNode) return true;
        if (type is not null) ValidateLiteral(value, type, context);
        return false;
    }

    private static void ValidateLiteral(ValueNode node, IGraphQLType type, ValidationContext context) =>
        Execution.InputValidation.ValidateInputLiteral(node, type, (error, _) => context.ReportError(error), null);
}
