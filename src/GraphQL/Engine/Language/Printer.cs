using System.Globalization;
using System.Text;

namespace Cases.GraphQL.Engine.Language;

/// <summary>
/// Prints an AST back to GraphQL source exactly as graphql-js printer.ts does (the same spacing, line breaks,
/// 80-column argument wrapping and block-string choice), so printed documents and schemas can be compared as text.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(Node node) => node switch
    {
        NameNode n => n.Value,
        VariableNode v => "$" + v.Name.Value,
        DocumentNode d => Join(d.Definitions.Select(Print), "\n\n"),
        OperationDefinitionNode op => PrintOperation(op),
        VariableDefinitionNode vd =>
            Wrap("", vd.Description is null ? null : Print(vd.Description), "\n") + Print(vd.Variable) + ": " + Print(vd.Type)
            + Wrap(" = ", vd.DefaultValue is null ? null : Print(vd.DefaultValue)) + Wrap(" ", Join(vd.Directives.Select(Print), " ")),
        SelectionSetNode s => s.Selections.Count == 0 ? "{}" : Block(s.Selections.Select(Print)),
        FieldNode f => PrintField(f),
        ArgumentNode a => a.Name.Value + ": " + Print(a.Value),
        FragmentSpreadNode fs => "..." + fs.Name.Value + Wrap(" ", Join(fs.Directives.Select(Print), " ")),
        InlineFragmentNode inf => Join(["...", Wrap("on ", inf.TypeCondition is null ? null : Print(inf.TypeCondition)), Join(inf.Directives.Select(Print), " "), Print(inf.SelectionSet)], " "),
        FragmentDefinitionNode fd =>
            Wrap("", fd.Description is null ? null : Print(fd.Description), "\n") + $"fragment {fd.Name.Value} "
            + $"on {Print(fd.TypeCondition)} {Wrap("", Join(fd.Directives.Select(Print), " "), " ")}" + Print(fd.SelectionSet),
        IntValueNode i => i.Value,
        FloatValueNode fl => fl.Value,
        StringValueNode s => s.Block ? BlockString.Print(s.Value) : PrintString(s.Value),
        BooleanValueNode b => b.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode e => e.Value,
        ListValueNode l => PrintList(l),
        ObjectValueNode o => PrintObject(o),
        ObjectFieldNode of => of.Name.Value + ": " + Print(of.Value),
        DirectiveNode dir => "@" + dir.Name.Value + Wrap("(", Join(dir.Arguments.Select(Print), ", "), ")"),
        NamedTypeNode nt => nt.Name.Value,
        ListTypeNode lt => "[" + Print(lt.Type) + "]",
        NonNullTypeNode nn => Print(nn.Type) + "!",
        SchemaDefinitionNode sd => Desc(sd.Description) + Join(["schema", Join(sd.Directives.Select(Print), " "), Block(sd.OperationTypes.Select(Print))], " "),
        OperationTypeDefinitionNode ot => OperationName(ot.Operation) + ": " + Print(ot.Type),
        ScalarTypeDefinitionNode sc => Desc(sc.Description) + Join(["scalar", sc.Name.Value, Join(sc.Directives.Select(Print), " ")], " "),
        ObjectTypeDefinitionNode ob => Desc(ob.Description) + Join(["type", ob.Name.Value, Wrap("implements ", Join(ob.Interfaces.Select(Print), " & ")), Join(ob.Directives.Select(Print), " "), Block(ob.Fields.Select(Print))], " "),
        FieldDefinitionNode fdef => Desc(fdef.Description) + fdef.Name.Value + Args(fdef.Arguments) + ": " + Print(fdef.Type) + Wrap(" ", Join(fdef.Directives.Select(Print), " ")),
        InputValueDefinitionNode iv => Desc(iv.Description) + Join([iv.Name.Value + ": " + Print(iv.Type), Wrap("= ", iv.DefaultValue is null ? null : Print(iv.DefaultValue)), Join(iv.Directives.Select(Print), " ")], " "),
        InterfaceTypeDefinitionNode it => Desc(it.Description) + Join(["interface", it.Name.Value, Wrap("implements ", Join(it.Interfaces.Select(Print), " & ")), Join(it.Directives.Select(Print), " "), Block(it.Fields.Select(Print))], " "),
        UnionTypeDefinitionNode u => Desc(u.Description) + Join(["union", u.Name.Value, Join(u.Directives.Select(Print), " "), Wrap("= ", Join(u.Types.Select(Print), " | "))], " "),
        EnumTypeDefinitionNode en => Desc(en.Description) + Join(["enum", en.Name.Value, Join(en.Directives.Select(Print), " "), Block(en.Values.Select(Print))], " "),
        EnumValueDefinitionNode ev => Desc(ev.Description) + Join([ev.Name.Value, Join(ev.Directives.Select(Print), " ")], " "),
        InputObjectTypeDefinitionNode io => Desc(io.Description) + Join(["input", io.Name.Value, Join(io.Directives.Select(Print), " "), Block(io.Fields.Select(Print))], " "),
        DirectiveDefinitionNode dd => Desc(dd.Description) + "directive @" + dd.Name.Value + Args(dd.Arguments) + Wrap(" ", Join(dd.Directives.Select(Print), " "))
                                      + (dd.Repeatable ? " repeatable" : "") + " on " + Join(dd.Locations.Select(Print), " | "),
        DirectiveExtensionNode dx => Join(["extend directive @" + dx.Name.Value, Join(dx.Directives.Select(Print), " ")], " "),
        SchemaExtensionNode se => Join(["extend schema", Join(se.Directives.Select(Print), " "), Block(se.OperationTypes.Select(Print))], " "),
        ScalarTypeExtensionNode sx => Join(["extend scalar", sx.Name.Value, Join(sx.Directives.Select(Print), " ")], " "),
        ObjectTypeExtensionNode ox => Join(["extend type", ox.Name.Value, Wrap("implements ", Join(ox.Interfaces.Select(Print), " & ")), Join(ox.Directives.Select(Print), " "), Block(ox.Fields.Select(Print))], " "),
        InterfaceTypeExtensionNode ix => Join(["extend interface", ix.Name.Value, Wrap("implements ", Join(ix.Interfaces.Select(Print), " & ")), Join(ix.Directives.Select(Print), " "), Block(ix.Fields.Select(Print))], " "),
        UnionTypeExtensionNode ux => Join(["extend union", ux.Name.Value, Join(ux.Directives.Select(Print), " "), Wrap("= ", Join(ux.Types.Select(Print), " | "))], " "),
        EnumTypeExtensionNode ex => Join(["extend enum", ex.Name.Value, Join(ex.Directives.Select(Print), " "), Block(ex.Values.Select(Print))], " "),
        InputObjectTypeExtensionNode inx => Join(["extend input", inx.Name.Value, Join(inx.Directives.Select(Print), " "), Block(inx.Fields.Select(Print))], " "),
        _ => throw new ArgumentException($"Unknown node {node.GetType().Name}", nameof(node)),
    };

    public static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    private static string PrintOperation(OperationDefinitionNode op)
    {
        var varDefinitions = op.VariableDefinitions.Select(Print).ToList();
        var varDefs = HasMultilineItems(varDefinitions) ? Wrap("(\n", Join(varDefinitions, "\n"), "\n)") : Wrap("(", Join(varDefinitions, ", "), ")");
        var prefix = Wrap("", op.Description is null ? null : Print(op.Description), "\n")
            + Join([OperationName(op.Operation), Join([op.Name?.Value, varDefs], ""), Join(op.Directives.Select(Print), " ")], " ");
        // Anonymous queries with no directives or variable definitions can use the query short form.
        return (prefix == "query" ? "" : prefix + " ") + Print(op.SelectionSet);
    }

    private static string PrintField(FieldNode f)
    {
        var prefix = Wrap("", f.Alias?.Value, ": ") + f.Name.Value;
        var args = f.Arguments.Select(Print).ToList();
        var argsLine = prefix.Length + JoinedLength(args, ", ") + 2 > MaxLineLength && args.Count > 0
            ? prefix + Wrap("(\n", Indent(Join(args, "\n")), "\n)")
            : prefix + Wrap("(", Join(args, ", "), ")");
        return Join([argsLine, Join(f.Directives.Select(Print), " "), f.SelectionSet is null ? null : Print(f.SelectionSet)], " ");
    }

    // graphql-js 17.1 wraps long lists and objects over several lines. Lengths are those of the indented text,
    // which is what graphql-js's PrintBuffer.length measures.
    private static string PrintList(ListValueNode list)
    {
        var values = list.Values.Select(Print).ToList();
        return 2 + JoinedLength(values, ", ") > MaxLineLength
            ? Wrap("[\n", Indent(Join(values, "\n")), "\n]")
            : "[" + Join(values, ", ") + "]";
    }

    private static string PrintObject(ObjectValueNode obj)
    {
        var fields = obj.Fields.Select(Print).ToList();
        return 4 + JoinedLength(fields, ", ") > MaxLineLength ? Block(fields) : "{ " + Join(fields, ", ") + " }";
    }

    private static int JoinedLength(IEnumerable<string> items, string separator)
    {
        var length = 0;
        foreach (var item in items)
            if (item.Length != 0) length += (length == 0 ? 0 : separator.Length) + item.Length;
        return length;
    }

    private static string Args(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var args = arguments.Select(Print).ToList();
        return HasMultilineItems(args) ? Wrap("(\n", Indent(Join(args, "\n")), "\n)") : Wrap("(", Join(args, ", "), ")");
    }

    private static string Desc(StringValueNode? description) => Wrap("", description is null ? null : Print(description), "\n");

    private static string Join(IEnumerable<string?> parts, string separator) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string Block(IEnumerable<string?> parts) => Wrap("{\n", Indent(Join(parts, "\n")), "\n}");

    private static string Wrap(string start, string? value, string end = "") => string.IsNullOrEmpty(value) ? "" : start + value + end;

    private static string Indent(string value) => Wrap("  ", value.Replace("\n", "\n  "));

    private static bool HasMultilineItems(IEnumerable<string> items) => items.Any(s => s.Contains('\n'));

    /// <summary>graphql-js printString: a JSON-style string literal with C0/C1 controls escaped.</summary>
    public static string PrintString(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c <= '\u001f' || c is >= '\u007f' and <= '\u009f')
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
