using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.1.4 "Fragments Must Be Used".</summary>
public sealed class NoUnusedFragmentsRule : ValidationRule
{
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragments = [];

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is OperationDefinitionNode op) { _operations.Add(op); return false; }
        if (node is FragmentDefinitionNode f) { _fragments.Add(f); return false; }
        return true;
    }

    public override void Leave(Node node, ValidationContext context)
    {
        if (node is not DocumentNode) return;
        var used = new HashSet<string>();
        foreach (var op in _operations)
            foreach (var f in context.GetRecursivelyReferencedFragments(op)) used.Add(f.Name.Value);
        foreach (var fragment in _fragments)
            if (!used.Contains(fragment.Name.Value))
                context.ReportError(GraphQLError.At($"Fragment \"{fragment.Name.Value}\" is never used.", fragment));
    }
}
