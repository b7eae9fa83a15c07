using System.Text;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.3.2 "Field Selection Merging": fields with the same response key must be mergeable. A port of graphql-js
/// 17.1's algorithm (without experimental fragment arguments): fields are collected once per selection set and
/// parent type, field-set/fragment and fragment/fragment comparisons are remembered (with their mutual
/// exclusivity), so the work is not quadratic in fragment spreads; a complexity budget aborts validation
/// ("Validation aborted.") on documents built to explode it anyway.
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int MaxComplexityBudget = 500_000;

    private readonly Dictionary<(IGraphQLType?, SelectionSetNode), Collected> _collected = new();
    private readonly Dictionary<(Collected, FragmentDefinitionNode?), bool> _comparedFieldsAndFragments = new();
    private readonly Dictionary<(FragmentDefinitionNode, FragmentDefinitionNode), bool> _comparedFragmentPairs = new();
    private readonly Dictionary<ValueNode, string> _comparisonKeys = new(ReferenceEqualityComparer.Instance);
    private int _remainingBudget = MaxComplexityBudget;

    private sealed class Collected
    {
        public Dictionary<string, List<FieldDetails>> Fields { get; } = new();
        public List<FragmentSpreadNode> Spreads { get; } = [];
        public List<FragmentDefinitionNode?>? ResolvedSpreads { get; set; }
    }

    private sealed record FieldDetails(IGraphQLType? ParentType, FieldNode Node, FieldDefinition? Definition)
    {
        public bool IsSimpleLeaf => Node.Arguments.Count == 0 && Node.SelectionSet is null;
    }

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not SelectionSetNode selectionSet) return true;
        var ancestors = context.Ancestors;
        // The inline fragment's fields are compared as part of the enclosing selection set.
        if (ancestors.Count >= 2 && ancestors[^2] is InlineFragmentNode) return true;
        if (selectionSet.Selections.Count <= 1 && (selectionSet.Selections.Count == 0 || selectionSet.Selections[0] is not InlineFragmentNode)) return true;
        foreach (var conflict in FindConflictsWithinSelectionSet(context, context.ParentType, selectionSet))
            context.ReportError(GraphQLError.At(
                $"Fields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                conflict.Fields1.Concat(conflict.Fields2)));
        return true;
    }

    private void Spend(int cost)
    {
        _remainingBudget -= cost;
        if (_remainingBudget < 0) throw new ValidationBudgetExceededException();
    }

    private static string Abbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

    private List<Conflict> FindConflictsWithinSelectionSet(ValidationContext context, IGraphQLType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var collected = Collect(context, parentType, selectionSet);
        CollectConflictsWithin(context, conflicts, collected);
        if (collected.Spreads.Count != 0 && (collected.Fields.Count != 0 || collected.Spreads.Count > 1))
        {
            var spreads = FragmentSpreads(context, collected);
            for (var i = 0; i < spreads.Count; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(context, conflicts, false, collected, spreads[i]);
                for (var j = i + 1; j < spreads.Count; j++)
                    CollectConflictsBetweenFragments(context, conflicts, false, spreads[i], spreads[j]);
            }
        }
        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(ValidationContext context, List<Conflict> conflicts, bool mutuallyExclusive,
        Collected collected, FragmentDefinitionNode? fragment)
    {
        Spend(1);
        if (collected.Fields.Count == 0) return;
        // OrderedPairSet: a comparison made as mutually exclusive does not cover a later non-exclusive one.
        if (_comparedFieldsAndFragments.TryGetValue((collected, fragment), out var exclusive) && (mutuallyExclusive || !exclusive)) return;
        _comparedFieldsAndFragments[(collected, fragment)] = mutuallyExclusive;
        if (fragment is null) return;
        var collected2 = CollectFragment(context, fragment);
        var referenced = FragmentSpreads(context, collected2);
        if (ReferenceEquals(collected, collected2)) return;
        CollectConflictsBetween(context, conflicts, mutuallyExclusive, collected, collected2);
        foreach (var spread in referenced) CollectConflictsBetweenFieldsAndFragment(context, conflicts, mutuallyExclusive, collected, spread);
    }

    private void CollectConflictsBetweenFragments(ValidationContext context, List<Conflict> conflicts, bool mutuallyExclusive,
        FragmentDefinitionNode? fragment1, FragmentDefinitionNode? fragment2)
    {
        Spend(2);
        if (ReferenceEquals(fragment1, fragment2)) return;
        if (fragment1 is null || fragment2 is null) return;
        // PairSet: unordered pairs; a comparison made as mutually exclusive does not cover a non-exclusive one.
        if (_comparedFragmentPairs.TryGetValue((fragment1, fragment2), out var exclusive) && (mutuallyExclusive || !exclusive)) return;
        _comparedFragmentPairs[(fragment1, fragment2)] = mutuallyExclusive;
        _comparedFragmentPairs[(fragment2, fragment1)] = mutuallyExclusive;
        var collected1 = CollectFragment(context, fragment1);
        var referenced1 = FragmentSpreads(context, collected1);
        var collected2 = CollectFragment(context, fragment2);
        var referenced2 = FragmentSpreads(context, collected2);
        CollectConflictsBetween(context, conflicts, mutuallyExclusive, collected1, collected2);
        foreach (var spread2 in referenced2) CollectConflictsBetweenFragments(context, conflicts, mutuallyExclusive, fragment1, spread2);
        foreach (var spread1 in referenced1) CollectConflictsBetweenFragments(context, conflicts, mutuallyExclusive, spread1, fragment2);
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(ValidationContext context, bool mutuallyExclusive,
        IGraphQLType? parentType1, SelectionSetNode selectionSet1, IGraphQLType? parentType2, SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var collected1 = Collect(context, parentType1, selectionSet1);
        var spreads1 = FragmentSpreads(context, collected1);
        var collected2 = Collect(context, parentType2, selectionSet2);
        var spreads2 = FragmentSpreads(context, collected2);
        CollectConflictsBetween(context, conflicts, mutuallyExclusive, collected1, collected2);
        foreach (var spread2 in spreads2) CollectConflictsBetweenFieldsAndFragment(context, conflicts, mutuallyExclusive, collected1, spread2);
        foreach (var spread1 in spreads1) CollectConflictsBetweenFieldsAndFragment(context, conflicts, mutuallyExclusive, collected2, spread1);
        foreach (var spread1 in spreads1)
            foreach (var spread2 in spreads2)
                CollectConflictsBetweenFragments(context, conflicts, mutuallyExclusive, spread1, spread2);
        return conflicts;
    }

    private void CollectConflictsWithin(ValidationContext context, List<Conflict> conflicts, Collected collected)
    {
        foreach (var (responseName, fields) in collected.Fields)
        {
            if (fields.Count <= 1) continue;
            for (var i = 0; i < fields.Count; i++)
                for (var j = i + 1; j < fields.Count; j++)
                    if (FindConflict(context, false, responseName, fields[i], fields[j]) is { } conflict) conflicts.Add(conflict);
        }
    }

    private void CollectConflictsBetween(ValidationContext context, List<Conflict> conflicts, bool mutuallyExclusive, Collected collected1, Collected collected2)
    {
        if (collected1.Fields.Count == 0 || collected2.Fields.Count == 0) return;
        foreach (var (responseName, fields1) in collected1.Fields)
        {
            Spend(1);
            if (!collected2.Fields.TryGetValue(responseName, out var fields2)) continue;
            foreach (var f1 in fields1)
                foreach (var f2 in fields2)
                    if (FindConflict(context, mutuallyExclusive, responseName, f1, f2) is { } conflict) conflicts.Add(conflict);
        }
    }

    private Conflict? FindConflict(ValidationContext context, bool parentFieldsAreMutuallyExclusive, string responseName, FieldDetails field1, FieldDetails field2)
    {
        var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        Spend(2);
        var node1 = field1.Node;
        var node2 = field2.Node;
        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf && Equals(field1.Definition?.Type, field2.Definition?.Type) && node1.Name.Value == node2.Name.Value)
            return null;
        if (!areMutuallyExclusive)
        {
            var name1 = node1.Name.Value;
            var name2 = node2.Name.Value;
            if (name1 != name2)
                return new Conflict(responseName, $"\"{Abbreviate(name1)}\" and \"{Abbreviate(name2)}\" are different fields", [node1], [node2]);
            if (!SameArguments(node1.Arguments, node2.Arguments))
                return new Conflict(responseName, "they have differing arguments", [node1], [node2]);
        }
        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
            return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [node1], [node2]);
        if (node1.SelectionSet is { } set1 && node2.SelectionSet is { } set2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(context, areMutuallyExclusive,
                type1 is null ? null : TypeRules.NamedType(type1), set1,
                type2 is null ? null : TypeRules.NamedType(type2), set2);
            return SubfieldConflicts(conflicts, responseName, node1, node2);
        }
        return null;
    }

    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0) return null;
        var message = new StringBuilder();
        foreach (var c in conflicts)
        {
            message.Append(message.Length == 0 ? "" : " and ").Append($"subfields \"{Abbreviate(c.ResponseName)}\" conflict because {c.Reason}");
            if (message.Length > MaxConflictDetailLength) break;
        }
        return new Conflict(responseName, Abbreviate(message.ToString()), ConflictNodes(node1, conflicts, c => c.Fields1), ConflictNodes(node2, conflicts, c => c.Fields2));
    }

    private static List<FieldNode> ConflictNodes(FieldNode node, List<Conflict> conflicts, Func<Conflict, List<FieldNode>> side)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            var remaining = MaxConflictNodes - nodes.Count;
            var fields = side(conflict);
            nodes.AddRange(fields.Skip(Math.Max(0, fields.Count - remaining)));
            if (nodes.Count == MaxConflictNodes) break;
        }
        return nodes;
    }

    private bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count) return false;
        foreach (var arg1 in arguments1)
        {
            Spend(1);
            var arg2 = arguments2.LastOrDefault(a => a.Name.Value == arg1.Name.Value);
            if (arg2 is null || ComparisonKey(arg1.Value) != ComparisonKey(arg2.Value)) return false;
        }
        return true;
    }

    /// <summary>graphql-js getValueInfo comparisonKey: object fields sorted by name, strings with their block flag.</summary>
    private string ComparisonKey(ValueNode value)
    {
        if (_comparisonKeys.TryGetValue(value, out var key)) return key;
        var sb = new StringBuilder();
        Write(value, sb);
        return _comparisonKeys[value] = sb.ToString();

        static void Write(ValueNode node, StringBuilder sb)
        {
            switch (node)
            {
                case VariableNode v: sb.Append("$").Append(v.Name.Value); break;
                case ObjectValueNode o:
                    sb.Append('{');
                    foreach (var f in o.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal))
                    {
                        sb.Append(f.Name.Value).Append(':');
                        Write(f.Value, sb);
                        sb.Append(',');
                    }
                    sb.Append('}');
                    break;
                case ListValueNode l:
                    sb.Append('[');
                    foreach (var item in l.Values) { Write(item, sb); sb.Append(','); }
                    sb.Append(']');
                    break;
                case StringValueNode s: sb.Append(s.Block ? "B" : "S").Append(System.Text.Json.JsonSerializer.Serialize(s.Value)); break;
                case IntValueNode i: sb.Append("I").Append(i.Value); break;
                case FloatValueNode f: sb.Append("F").Append(f.Value); break;
                case BooleanValueNode b: sb.Append(b.Value ? "true" : "false"); break;
                case EnumValueNode e: sb.Append("E").Append(e.Value); break;
                case NullValueNode: sb.Append("null"); break;
            }
        }
    }

    /// <summary>Two types conflict if they differ in list/non-null shape or are different leaf types.</summary>
    private bool DoTypesConflict(IGraphQLType type1, IGraphQLType type2)
    {
        if (ReferenceEquals(type1, type2)) return false;
        Spend(1);
        if (type1 is ListType l1) return type2 is not ListType l2 || DoTypesConflict(l1.OfType, l2.OfType);
        if (type2 is ListType) return true;
        if (type1 is NonNullType n1) return type2 is not NonNullType n2 || DoTypesConflict(n1.OfType, n2.OfType);
        if (type2 is NonNullType) return true;
        if (TypeRules.IsLeafType(type1) || TypeRules.IsLeafType(type2)) return ((INamedType)type1).Name != ((INamedType)type2).Name;
        return false;
    }

    private Collected Collect(ValidationContext context, IGraphQLType? parentType, SelectionSetNode selectionSet)
    {
        if (_collected.TryGetValue((parentType, selectionSet), out var cached)) return cached;
        var collected = new Collected();
        CollectInto(context, parentType, selectionSet, collected);
        _collected[(parentType, selectionSet)] = collected;
        return collected;
    }

    private Collected CollectFragment(ValidationContext context, FragmentDefinitionNode fragment) =>
        Collect(context, TypeRules.FromAst(context.Schema, fragment.TypeCondition), fragment.SelectionSet);

    /// <summary>The distinct fragments spread in a collected selection (null stands for an unknown fragment).</summary>
    private List<FragmentDefinitionNode?> FragmentSpreads(ValidationContext context, Collected collected)
    {
        if (collected.ResolvedSpreads is { } cached) return cached;
        var result = new List<FragmentDefinitionNode?>();
        foreach (var spread in collected.Spreads)
        {
            Spend(1);
            var definition = context.GetFragment(spread.Name.Value);
            if (!result.Contains(definition)) result.Add(definition);
        }
        return collected.ResolvedSpreads = result;
    }

    // Parent types are kept even when not composite (a fragment on a scalar), as graphql-js's typeFromAST does; they
    // are part of the cache key, so such a selection collected from its definition and from a spread differ.
    private static void CollectInto(ValidationContext context, IGraphQLType? parentType, SelectionSetNode selectionSet, Collected collected)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is IFieldsType ft ? ft.Fields.Find(field.Name.Value) : null;
                    if (!collected.Fields.TryGetValue(field.ResponseKey, out var list)) collected.Fields[field.ResponseKey] = list = [];
                    list.Add(new FieldDetails(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    collected.Spreads.Add(spread);
                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? TypeRules.FromAst(context.Schema, condition) : parentType;
                    CollectInto(context, inlineType, inline.SelectionSet, collected);
                    break;
            }
        }
    }
}

/// <summary>graphql-js validationAbortedError: a rule ran out of its work budget.</summary>
internal sealed class ValidationBudgetExceededException : Exception;
