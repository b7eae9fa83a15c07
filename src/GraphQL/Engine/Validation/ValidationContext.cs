using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation;

/// <summary>A variable as a rule sees it: where it is used, the type expected there, and any default at that position.</summary>
public sealed record VariableUsage(VariableNode Node, IGraphQLType? Type, bool HasDefaultValue, object? DefaultValue, IGraphQLType? ParentType);

/// <summary>What rules see while the document is walked (graphql-js ValidationContext plus TypeInfo).</summary>
public sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors;
    private readonly int _maxErrors;
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _fragmentSpreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, List<FragmentDefinitionNode>> _referencedFragments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, List<VariableUsage>> _variableUsages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, List<VariableUsage>> _recursiveVariableUsages = new(ReferenceEqualityComparer.Instance);

    internal ValidationContext(Schema schema, DocumentNode document, List<GraphQLError> errors, int maxErrors, ValidationLimits limits)
    {
        Schema = schema;
        Document = document;
        _errors = errors;
        _maxErrors = maxErrors;
        Limits = limits;
        TypeInfo = new TypeInfo(schema);
    }

    public Schema Schema { get; }
    public DocumentNode Document { get; }
    public ValidationLimits Limits { get; }
    internal TypeInfo TypeInfo { get; }

    /// <summary>The nodes from the root of the current walk to the current node (inclusive).</summary>
    public IReadOnlyList<Node> Ancestors => CurrentPath;

    internal List<Node> CurrentPath { get; set; } = [];

    public IGraphQLType? Type => TypeInfo.Type;
    public ICompositeType? ParentType => TypeInfo.ParentType;
    public IGraphQLType? InputType => TypeInfo.InputType;
    public IGraphQLType? ParentInputType => TypeInfo.ParentInputType;
    public FieldDefinition? FieldDef => TypeInfo.FieldDef;
    public DirectiveDefinition? Directive => TypeInfo.Directive;
    public InputValueDefinition? Argument => TypeInfo.Argument;

    public void ReportError(GraphQLError error)
    {
        if (_errors.Count >= _maxErrors) throw new ValidationAbortedException();
        _errors.Add(error);
    }

    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>();
            // As graphql-js: with duplicate names (reported by UniqueFragmentNames) the last definition wins.
            foreach (var f in Document.Definitions.OfType<FragmentDefinitionNode>()) _fragments[f.Name.Value] = f;
        }
        return _fragments.GetValueOrDefault(name);
    }

    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode node)
    {
        if (_fragmentSpreads.TryGetValue(node, out var spreads)) return spreads;
        spreads = [];
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(node);
        while (setsToVisit.Count > 0)
        {
            foreach (var selection in setsToVisit.Pop().Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread: spreads.Add(spread); break;
                    case FieldNode { SelectionSet: { } s }: setsToVisit.Push(s); break;
                    case InlineFragmentNode inline: setsToVisit.Push(inline.SelectionSet); break;
                }
            }
        }
        _fragmentSpreads[node] = spreads;
        return spreads;
    }

    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_referencedFragments.TryGetValue(operation, out var fragments)) return fragments;
        fragments = [];
        var collected = new HashSet<string>();
        var toVisit = new List<string>();
        foreach (var spread in GetFragmentSpreads(operation.SelectionSet))
            if (collected.Add(spread.Name.Value)) toVisit.Add(spread.Name.Value);
        for (var i = 0; i < toVisit.Count; i++)
        {
            var fragment = GetFragment(toVisit[i]);
            if (fragment is null) continue;
            fragments.Add(fragment);
            foreach (var spread in GetFragmentSpreads(fragment.SelectionSet))
                if (collected.Add(spread.Name.Value)) toVisit.Add(spread.Name.Value);
        }
        _referencedFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>Variables used in an operation or fragment, with the input type at each position.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        if (_variableUsages.TryGetValue(node, out var usages)) return usages;
        usages = [];
        var collector = new VariableUsageCollector(usages);
        var walker = new DocumentWalker(new TypeInfo(Schema), [collector], this);
        walker.Walk(node);
        _variableUsages[node] = usages;
        return usages;
    }

    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var usages)) return usages;
        usages = [.. GetVariableUsages(operation)];
        foreach (var fragment in GetRecursivelyReferencedFragments(operation)) usages.AddRange(GetVariableUsages(fragment));
        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    private sealed class VariableUsageCollector(List<VariableUsage> usages) : ValidationRule
    {
        private TypeInfo? _typeInfo;

        public override bool Enter(Node node, ValidationContext context)
        {
            if (node is VariableDefinitionNode) return false;
            if (node is VariableNode variable)
            {
                var typeInfo = _typeInfo!;
                usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.HasDefaultValue, typeInfo.DefaultValue, typeInfo.ParentInputType));
            }
            return true;
        }

        internal void Attach(TypeInfo typeInfo) => _typeInfo = typeInfo;
    }

    internal static void AttachTypeInfo(ValidationRule rule, TypeInfo typeInfo)
    {
        if (rule is VariableUsageCollector c) c.Attach(typeInfo);
    }
}

/// <summary>Thrown when validation stops at the error limit.</summary>
internal sealed class ValidationAbortedException : Exception;
