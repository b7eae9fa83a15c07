using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.2.1 "Fragment spread target defined".</summary>
public sealed class KnownFragmentNamesRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is FragmentSpreadNode spread && context.GetFragment(spread.Name.Value) is null)
            context.ReportError(GraphQLError.At($"Unknown fragment \"{spread.Name.Value}\".", spread.Name));
        return true;
    }
}
