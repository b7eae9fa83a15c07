using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>Spec 6.3.2 CollectFields: groups the selections by response key, honouring @skip/@include and type conditions.</summary>
internal static class FieldCollector
{
    public static Dictionary<string, List<FieldNode>> Collect(
        Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables,
        ObjectType objectType, SelectionSetNode selectionSet, Dictionary<string, List<FieldNode>>? into = null, HashSet<string>? visited = null)
    {
        var fields = into ?? new Dictionary<string, List<FieldNode>>();
        visited ??= [];
        // Depth-first over nested fragments with an explicit stack: a chain of fragment spreads is as long as the
        // document makes it, and must not be able to overflow the thread's stack.
        var pending = new Stack<IEnumerator<SelectionNode>>();
        pending.Push(selectionSet.Selections.GetEnumerator());
        while (pending.Count > 0)
        {
            var selections = pending.Peek();
            if (!selections.MoveNext())
            {
                pending.Pop();
                continue;
            }
            var selection = selections.Current;
            if (!ShouldInclude(selection.Directives, variables)) continue;
            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (!fields.TryGetValue(key, out var list)) fields[key] = list = [];
                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (DoesFragmentConditionMatch(schema, inline.TypeCondition, objectType)) pending.Push(inline.SelectionSet.Selections.GetEnumerator());
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (!visited.Add(name)) continue;
                    if (!fragments.TryGetValue(name, out var fragment)) continue;
                    if (!DoesFragmentConditionMatch(schema, fragment.TypeCondition, objectType)) continue;
                    pending.Push(fragment.SelectionSet.Selections.GetEnumerator());
                    break;
            }
        }
        return fields;
    }

    /// <summary>@skip(if:) and @include(if:) (spec 3.13.2, 3.13.3); an argument that cannot be coerced counts as absent.</summary>
    public static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name != "skip" && name != "include") continue;
            var definition = name == "skip" ? SpecifiedDirectives.Skip : SpecifiedDirectives.Include;
            var args = InputCoercion.CoerceArgumentValues(definition.Arguments, directive.Arguments, directive, variables, "@" + name);
            if (args.TryGetValue("if", out var value) && value is bool b && b == (name == "skip")) return false;
        }
        return true;
    }

    private static bool DoesFragmentConditionMatch(Schema schema, NamedTypeNode? condition, ObjectType objectType)
    {
        if (condition is null) return true;
        var conditionType = schema.GetType(condition.Name.Value);
        if (conditionType is null) return false;
        if (ReferenceEquals(conditionType, objectType) || conditionType.Name == objectType.Name) return true;
        return conditionType is IAbstractType abs && schema.IsSubType(abs, objectType);
    }
}
