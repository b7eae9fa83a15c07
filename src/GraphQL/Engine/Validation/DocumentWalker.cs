using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Validation;

/// <summary>
/// Visits a document depth-first in graphql-js's key order (descriptions excluded, as graphql-js validation does),
/// keeping <see cref="TypeInfo"/> current and calling every rule in parallel; a rule that returns false from Enter
/// is skipped until the walk leaves that node. Name nodes are not visited (see <see cref="ValidationRule"/>).
/// </summary>
internal sealed class DocumentWalker
{
    private readonly TypeInfo _typeInfo;
    private readonly ValidationRule[] _rules;
    private readonly ValidationContext _context;
    private readonly Node?[] _skipping;

    public DocumentWalker(TypeInfo typeInfo, IReadOnlyList<ValidationRule> rules, ValidationContext context)
    {
        _typeInfo = typeInfo;
        _rules = [.. rules];
        _context = context;
        _skipping = new Node?[_rules.Length];
        foreach (var rule in _rules) ValidationContext.AttachTypeInfo(rule, typeInfo);
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

    private void WalkNode(Node? node)
    {
        // A name is a leaf that neither TypeInfo nor any rule reacts to, and about half the nodes of a document: it
        // is not visited (graphql-js visits it with nothing to do). See ValidationRule.
        if (node is null or NameNode) return;
        var path = _context.CurrentPath;
        path.Add(node);
        _typeInfo.Enter(node);
        var rules = _rules;
        for (var i = 0; i < rules.Length; i++)
            if (_skipping[i] is null && !rules[i].Enter(node, _context)) _skipping[i] = node;
        WalkChildren(node);
        for (var i = 0; i < rules.Length; i++)
        {
            if (_skipping[i] is null) rules[i].Leave(node, _context);
            else if (ReferenceEquals(_skipping[i], node)) _skipping[i] = null;
        }
        _typeInfo.Leave(node);
        path.RemoveAt(path.Count - 1);
    }

    private void WalkAll<T>(IReadOnlyList<T> nodes) where T : Node
    {
        for (var i = 0; i < nodes.Count; i++) WalkNode(nodes[i]);
    }

    /// <summary>The node's children in graphql-js's key order (the most frequent kinds first).</summary>
    private void WalkChildren(Node node)
    {
        switch (node)
        {
            case FieldNode f: WalkNode(f.Alias); WalkNode(f.Name); WalkAll(f.Arguments); WalkAll(f.Directives); WalkNode(f.SelectionSet); break;
            case SelectionSetNode s: WalkAll(s.Selections); break;
            case FragmentSpreadNode fs: WalkNode(fs.Name); WalkAll(fs.Directives); break;
            case ArgumentNode a: WalkNode(a.Name); WalkNode(a.Value); break;
            case InlineFragmentNode i: WalkNode(i.TypeCondition); WalkAll(i.Directives); WalkNode(i.SelectionSet); break;
            case VariableNode v: WalkNode(v.Name); break;
            case DirectiveNode dir: WalkNode(dir.Name); WalkAll(dir.Arguments); break;
            case NamedTypeNode nt: WalkNode(nt.Name); break;
            case ListValueNode l: WalkAll(l.Values); break;
            case ObjectValueNode ov: WalkAll(ov.Fields); break;
            case ObjectFieldNode of: WalkNode(of.Name); WalkNode(of.Value); break;
            case ListTypeNode lt: WalkNode(lt.Type); break;
            case NonNullTypeNode nn: WalkNode(nn.Type); break;
            case FragmentDefinitionNode fd: WalkNode(fd.Name); WalkNode(fd.TypeCondition); WalkAll(fd.Directives); WalkNode(fd.SelectionSet); break;
            case OperationDefinitionNode o: WalkNode(o.Name); WalkAll(o.VariableDefinitions); WalkAll(o.Directives); WalkNode(o.SelectionSet); break;
            case VariableDefinitionNode v: WalkNode(v.Variable); WalkNode(v.Type); WalkNode(v.DefaultValue); WalkAll(v.Directives); break;
            case DocumentNode d: WalkAll(d.Definitions); break;
            case SchemaDefinitionNode sd: WalkAll(sd.Directives); WalkAll(sd.OperationTypes); break;
            case SchemaExtensionNode se: WalkAll(se.Directives); WalkAll(se.OperationTypes); break;
            case OperationTypeDefinitionNode ot: WalkNode(ot.Type); break;
            case ScalarTypeDefinitionNode sc: WalkNode(sc.Name); WalkAll(sc.Directives); break;
            case ObjectTypeDefinitionNode ob: WalkNode(ob.Name); WalkAll(ob.Interfaces); WalkAll(ob.Directives); WalkAll(ob.Fields); break;
            case FieldDefinitionNode fdef: WalkNode(fdef.Name); WalkAll(fdef.Arguments); WalkNode(fdef.Type); WalkAll(fdef.Directives); break;
            case InputValueDefinitionNode iv: WalkNode(iv.Name); WalkNode(iv.Type); WalkNode(iv.DefaultValue); WalkAll(iv.Directives); break;
            case InterfaceTypeDefinitionNode it: WalkNode(it.Name); WalkAll(it.Interfaces); WalkAll(it.Directives); WalkAll(it.Fields); break;
            case UnionTypeDefinitionNode u: WalkNode(u.Name); WalkAll(u.Directives); WalkAll(u.Types); break;
            case EnumTypeDefinitionNode e: WalkNode(e.Name); WalkAll(e.Directives); WalkAll(e.Values); break;
            case EnumValueDefinitionNode ev: WalkNode(ev.Name); WalkAll(ev.Directives); break;
            case InputObjectTypeDefinitionNode io: WalkNode(io.Name); WalkAll(io.Directives); WalkAll(io.Fields); break;
            case DirectiveDefinitionNode dd: WalkNode(dd.Name); WalkAll(dd.Arguments); WalkAll(dd.Directives); WalkAll(dd.Locations); break;
            case DirectiveExtensionNode dx: WalkNode(dx.Name); WalkAll(dx.Directives); break;
            case ScalarTypeExtensionNode sx: WalkNode(sx.Name); WalkAll(sx.Directives); break;
            case ObjectTypeExtensionNode ox: WalkNode(ox.Name); WalkAll(ox.Interfaces); WalkAll(ox.Directives); WalkAll(ox.Fields); break;
            case InterfaceTypeExtensionNode ix: WalkNode(ix.Name); WalkAll(ix.Interfaces); WalkAll(ix.Directives); WalkAll(ix.Fields); break;
            case UnionTypeExtensionNode ux: WalkNode(ux.Name); WalkAll(ux.Directives); WalkAll(ux.Types); break;
            case EnumTypeExtensionNode ex: WalkNode(ex.Name); WalkAll(ex.Directives); WalkAll(ex.Values); break;
            case InputObjectTypeExtensionNode ix2: WalkNode(ix2.Name); WalkAll(ix2.Directives); WalkAll(ix2.Fields); break;
        }
    }
}
