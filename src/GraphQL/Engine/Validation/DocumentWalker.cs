using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Validation;

/// <summary>
/// Visits a document depth-first in graphql-js's key order (descriptions excluded, as graphql-js validation does),
/// keeping <see cref="TypeInfo"/> current and calling every rule in parallel; a rule that returns false from Enter
/// is skipped until the walk leaves that node.
/// </summary>
internal sealed class DocumentWalker
{
    private readonly TypeInfo _typeInfo;
    private readonly IReadOnlyList<ValidationRule> _rules;
    private readonly ValidationContext _context;
    private readonly Node?[] _skipping;

    public DocumentWalker(TypeInfo typeInfo, IReadOnlyList<ValidationRule> rules, ValidationContext context)
    {
        _typeInfo = typeInfo;
        _rules = rules;
        _context = context;
        _skipping = new Node?[rules.Count];
        foreach (var rule in rules) ValidationContext.AttachTypeInfo(rule, typeInfo);
    }

    public void Walk(Node node)
    {
        var previous = _context.CurrentPath;
        _context.CurrentPath = [];
        try
        {
            WalkNode(node);
        }
        finally
        {
            _context.CurrentPath = previous;
        }
    }

    private void WalkNode(Node node)
    {
        var path = _context.CurrentPath;
        path.Add(node);
        _typeInfo.Enter(node);
        for (var i = 0; i < _rules.Count; i++)
            if (_skipping[i] is null && !_rules[i].Enter(node, _context)) _skipping[i] = node;
        foreach (var child in Children(node))
            if (child is not null) WalkNode(child);
        for (var i = 0; i < _rules.Count; i++)
        {
            if (_skipping[i] is null) _rules[i].Leave(node, _context);
            else if (ReferenceEquals(_skipping[i], node)) _skipping[i] = null;
        }
        _typeInfo.Leave(node);
        path.RemoveAt(path.Count - 1);
    }

    private static IEnumerable<Node?> Children(Node node)
    {
        switch (node)
        {
            case DocumentNode d: return d.Definitions;
            case OperationDefinitionNode o: return [o.Name, .. o.VariableDefinitions, .. o.Directives, o.SelectionSet];
            case VariableDefinitionNode v: return [v.Variable, v.Type, v.DefaultValue, .. v.Directives];
            case VariableNode v: return [v.Name];
            case SelectionSetNode s: return s.Selections;
            case FieldNode f: return [f.Alias, f.Name, .. f.Arguments, .. f.Directives, f.SelectionSet];
            case ArgumentNode a: return [a.Name, a.Value];
            case FragmentSpreadNode fs: return [fs.Name, .. fs.Directives];
            case InlineFragmentNode i: return [i.TypeCondition, .. i.Directives, i.SelectionSet];
            case FragmentDefinitionNode fd: return [fd.Name, fd.TypeCondition, .. fd.Directives, fd.SelectionSet];
            case ListValueNode l: return l.Values;
            case ObjectValueNode ov: return ov.Fields;
            case ObjectFieldNode of: return [of.Name, of.Value];
            case DirectiveNode dir: return [dir.Name, .. dir.Arguments];
            case NamedTypeNode nt: return [nt.Name];
            case ListTypeNode lt: return [lt.Type];
            case NonNullTypeNode nn: return [nn.Type];
            case SchemaDefinitionNode sd: return [.. sd.Directives, .. sd.OperationTypes];
            case SchemaExtensionNode se: return [.. se.Directives, .. se.OperationTypes];
            case OperationTypeDefinitionNode ot: return [ot.Type];
            case ScalarTypeDefinitionNode sc: return [sc.Name, .. sc.Directives];
            case ObjectTypeDefinitionNode ob: return [ob.Name, .. ob.Interfaces, .. ob.Directives, .. ob.Fields];
            case FieldDefinitionNode fdef: return [fdef.Name, .. fdef.Arguments, fdef.Type, .. fdef.Directives];
            case InputValueDefinitionNode iv: return [iv.Name, iv.Type, iv.DefaultValue, .. iv.Directives];
            case InterfaceTypeDefinitionNode it: return [it.Name, .. it.Interfaces, .. it.Directives, .. it.Fields];
            case UnionTypeDefinitionNode u: return [u.Name, .. u.Directives, .. u.Types];
            case EnumTypeDefinitionNode e: return [e.Name, .. e.Directives, .. e.Values];
            case EnumValueDefinitionNode ev: return [ev.Name, .. ev.Directives];
            case InputObjectTypeDefinitionNode io: return [io.Name, .. io.Directives, .. io.Fields];
            case DirectiveDefinitionNode dd: return [dd.Name, .. dd.Arguments, .. dd.Directives, .. dd.Locations];
            case DirectiveExtensionNode dx: return [dx.Name, .. dx.Directives];
            case ScalarTypeExtensionNode sx: return [sx.Name, .. sx.Directives];
            case ObjectTypeExtensionNode ox: return [ox.Name, .. ox.Interfaces, .. ox.Directives, .. ox.Fields];
            case InterfaceTypeExtensionNode ix: return [ix.Name, .. ix.Interfaces, .. ix.Directives, .. ix.Fields];
            case UnionTypeExtensionNode ux: return [ux.Name, .. ux.Directives, .. ux.Types];
            case EnumTypeExtensionNode ex: return [ex.Name, .. ex.Directives, .. ex.Values];
            case InputObjectTypeExtensionNode ix2: return [ix2.Name, .. ix2.Directives, .. ix2.Fields];
            default: return [];
        }
    }
}
