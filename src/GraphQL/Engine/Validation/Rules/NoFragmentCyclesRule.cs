using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.2.2 "Fragment spreads must not form cycles".</summary>
public sealed class NoFragmentCyclesRule : ValidationRule
{
    private readonly HashSet<string> _visited = [];
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndexByName = new();

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            DetectCycle(fragment, context);
            return false;
        }
        return node is not OperationDefinitionNode;
    }

    private void DetectCycle(FragmentDefinitionNode fragment, ValidationContext context)
    {
        var fragmentName = fragment.Name.Value;
        if (!_visited.Add(fragmentName)) return;
        var spreads = context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0) return;
        _spreadPathIndexByName[fragmentName] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
            {
                if (context.GetFragment(spreadName) is { } spreadFragment) DetectCycle(spreadFragment, context);
            }
            else
            {
                var cyclePath = _spreadPath.Skip(cycleIndex).ToList();
                var viaPath = string.Join(", ", cyclePath.Take(cyclePath.Count - 1).Select(s => $"\"{s.Name.Value}\""));
                context.ReportError(GraphQLError.At($"Cannot spread fragment \"{spreadName}\" within itself" + (viaPath != "" ? $" via {viaPath}." : "."), cyclePath));
            }
            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }
        _spreadPathIndexByName.Remove(fragmentName);
    }
}
