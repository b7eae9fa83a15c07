using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.2.3 "Fragment spread is possible": the fragment's type must overlap the parent type.</summary>
public sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        switch (node)
        {
            case InlineFragmentNode inline:
                if (context.Type is ICompositeType fragType && context.ParentType is { } parentType
                    && !TypeRules.DoTypesOverlap(context.Schema, fragType, parentType))
                    context.ReportError(GraphQLError.At($"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragType.Name}\".", inline));
                break;
            case FragmentSpreadNode spread:
                var name = spread.Name.Value;
                var fragment = context.GetFragment(name);
                if (fragment is not null && TypeRules.FromAst(context.Schema, fragment.TypeCondition) is ICompositeType ft
                    && context.ParentType is { } parent && !TypeRules.DoTypesOverlap(context.Schema, ft, parent))
                    context.ReportError(GraphQLError.At($"Fragment \"{name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{ft.Name}\".", spread));
                break;
        }
        return true;
    }
}
