using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.4.2 "Argument Uniqueness".</summary>
public sealed class UniqueArgumentNamesRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        var arguments = node switch
        {
            FieldNode f => f.Arguments,
            DirectiveNode d => d.Arguments,
            _ => null,
        };
        if (arguments is null) return true;
        foreach (var group in arguments.GroupBy(a => a.Name.Value))
            if (group.Count() > 1)
                context.ReportError(GraphQLError.At($"There can be only one argument named \"{group.Key}\".", group.Select(a => a.Name)));
        return true;
    }
}
