using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.8.2 "Variables Are Input Types".</summary>
public sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is VariableDefinitionNode v && TypeRules.FromAst(context.Schema, v.Type) is { } type && !TypeRules.IsInputType(type))
            context.ReportError(GraphQLError.At($"Variable \"${v.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(v.Type)}\".", v.Type));
        return true;
    }
}
