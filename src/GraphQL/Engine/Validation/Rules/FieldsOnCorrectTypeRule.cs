using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.3.1 "Field Selections": the field must be defined on the type in scope.</summary>
public sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not FieldNode field || context.ParentType is not { } type || context.FieldDef is not null) return true;
        var fieldName = field.Name.Value;
        var suggestion = Suggestions.DidYouMean("to use an inline fragment on", SuggestedTypeNames(context.Schema, type, fieldName));
        if (suggestion == "")
            suggestion = Suggestions.DidYouMean(type is IFieldsType ft ? Suggestions.List(fieldName, ft.Fields.Select(f => f.Name)) : []);
        context.ReportError(GraphQLError.At($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + suggestion, field));
        return true;
    }

    private static List<string> SuggestedTypeNames(Schema schema, ICompositeType type, string fieldName)
    {
        if (type is not IAbstractType abs) return [];
        var suggested = new List<ICompositeType>();
        var usage = new Dictionary<string, int>();
        foreach (var possible in schema.GetPossibleTypes(abs))
        {
            if (possible.Fields.Find(fieldName) is null) continue;
            if (!suggested.Contains(possible)) suggested.Add(possible);
            usage[possible.Name] = 1;
            foreach (var iface in possible.Interfaces)
            {
                if (iface.Fields.Find(fieldName) is null) continue;
                if (!suggested.Contains(iface)) suggested.Add(iface);
                usage[iface.Name] = usage.GetValueOrDefault(iface.Name) + 1;
            }
        }
        suggested.Sort((a, b) =>
        {
            var diff = usage[b.Name] - usage[a.Name];
            if (diff != 0) return diff;
            if (a is InterfaceType ia && schema.IsSubType(ia, b)) return -1;
            if (b is InterfaceType ib && schema.IsSubType(ib, a)) return 1;
            return Suggestions.NaturalCompare(a.Name, b.Name);
        });
        return suggested.Select(t => t.Name).ToList();
    }
}
