using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Validation.Limits;

/// <summary>
/// Refuses documents whose fragments spread each other in chains longer than <see cref="ValidationLimits.MaxFragmentDepth"/>.
/// Several rules (as in graphql-js) and field collection recurse once per nested spread; a chain of some ten
/// thousand fragments would overflow the stack, which in .NET ends the process. graphql-js has no such limit (its
/// stack overflow is a catchable error), so this is checked before the rules, iteratively, and only fails documents
/// no real client sends.
/// </summary>
internal static class FragmentDepthGuard
{
    public static GraphQLError? Check(ValidationContext context, int maxDepth)
    {
        var fragments = context.Document.Definitions.OfType<FragmentDefinitionNode>().ToList();
        if (fragments.Count <= maxDepth) return null;
        // Longest spread chain starting at each fragment, computed with an explicit stack (post-order DFS).
        var depth = new Dictionary<string, int>();
        var onStack = new HashSet<string>();
        foreach (var root in fragments)
        {
            if (depth.ContainsKey(root.Name.Value)) continue;
            var stack = new Stack<(FragmentDefinitionNode Fragment, bool Expanded)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (fragment, expanded) = stack.Pop();
                var name = fragment.Name.Value;
                var spreads = context.GetFragmentSpreads(fragment.SelectionSet);
                if (!expanded)
                {
                    if (depth.ContainsKey(name) || !onStack.Add(name)) continue;
                    stack.Push((fragment, true));
                    foreach (var spread in spreads)
                    {
                        var target = context.GetFragment(spread.Name.Value);
                        if (target is not null && !depth.ContainsKey(target.Name.Value) && !onStack.Contains(target.Name.Value))
                            stack.Push((target, false));
                    }
                    continue;
                }
                var longest = 0;
                foreach (var spread in spreads)
                    if (depth.TryGetValue(spread.Name.Value, out var d)) longest = Math.Max(longest, d);
                depth[name] = longest + 1;
                onStack.Remove(name);
                if (depth[name] > maxDepth)
                    return GraphQLError.At($"Fragment \"{name}\" nests fragment spreads more than {maxDepth} deep.", fragment);
            }
        }
        return null;
    }
}
