using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.1.3 "Fragments On Composite Types".</summary>
public sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition }:
                if (TypeRules.FromAst(context.Schema, condition) is { } t && !TypeRules.IsCompositeType(t))
                    context.ReportError(GraphQLError.At($"Fragment cannot condition on non composite type \"{Printer.Print(condition)}\".", condition));
                break;
            case FragmentDefinitionNode fragment:
                if (TypeRules.FromAst(context.Schema, fragment.TypeCondition) is { } ft && !TypeRules.IsCompositeType(ft))
                    context.ReportError(GraphQLError.At($"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{Printer.Print(fragment.TypeCondition)}\".", fragment.TypeCondition));
                break;
        }
        return true;
    }
}
