using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.2.1 "Operation Type Existence": the schema must have a root type for the operation.</summary>
public sealed class KnownOperationTypesRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is OperationDefinitionNode op && context.Schema.GetRootType(op.Operation) is null)
            context.ReportError(GraphQLError.At($"The {Printer.OperationName(op.Operation)} operation is not supported by the schema.", op));
        return true;
    }
}
