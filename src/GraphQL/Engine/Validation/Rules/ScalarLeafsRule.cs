using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.3.3 "Leaf Field Selections": leaves have no selection set, composites must have one.</summary>
public sealed class ScalarLeafsRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not FieldNode field || context.Type is not { } type) return true;
        var fieldName = field.Name.Value;
        if (TypeRules.IsLeafType(TypeRules.NamedType(type)))
        {
            if (field.SelectionSet is not null)
                context.ReportError(GraphQLError.At($"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", field.SelectionSet));
        }
        else if (field.SelectionSet is null)
        {
            context.ReportError(GraphQLError.At($"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", field));
        }
        return true;
    }
}
