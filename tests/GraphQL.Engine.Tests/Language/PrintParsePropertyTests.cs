using System.Text;
using Cases.GraphQL.Engine.Language;
using FsCheck.Xunit;

namespace Cases.GraphQL.Engine.Tests.Language;

/// <summary>The law: parsing a printed document gives the document back (locations aside).</summary>
public class PrintParsePropertyTests
{
    [Property(MaxTest = 150)]
    public bool Print_then_parse_is_identity_on_generated_documents(int seed)
    {
        var document = new DocumentGenerator(seed).Document();
        var printed = Printer.Print(document);
        var reparsed = Parser.Parse(printed);
        return AstDump.Of(reparsed) == AstDump.Of(document);
    }

    [Fact]
    public void The_generator_covers_both_executable_and_type_system_definitions()
    {
        var kinds = Enumerable.Range(0, 50).SelectMany(s => new DocumentGenerator(s).Document().Definitions).Select(d => d.GetType()).ToHashSet();
        Assert.Contains(typeof(OperationDefinitionNode), kinds);
        Assert.Contains(typeof(ObjectTypeDefinitionNode), kinds);
        Assert.Contains(typeof(DirectiveDefinitionNode), kinds);
    }
}

/// <summary>A canonical text of an AST, every property except locations, for structural comparison.</summary>
internal static class AstDump
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo[]> Properties = new();

    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Write(value, sb);
        return sb.ToString();
    }

    private static void Write(object? value, StringBuilder sb)
    {
        switch (value)
        {
            case null: sb.Append("null"); return;
            case string s: sb.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"'); return;
            case bool or int or Enum: sb.Append(value); return;
            case System.Collections.IEnumerable list:
                sb.Append('[');
                foreach (var item in list) { Write(item, sb); sb.Append(','); }
                sb.Append(']');
                return;
            case Node node:
                sb.Append(node.GetType().Name).Append('(');
                var properties = Properties.GetOrAdd(node.GetType(), t => t.GetProperties()
                    .Where(p => p.Name is not "Loc" and not "EqualityContract" and not "ResponseKey").OrderBy(p => p.Name).ToArray());
                foreach (var p in properties)
                {
                    sb.Append(p.Name).Append('=');
                    Write(p.GetValue(node), sb);
                    sb.Append(';');
                }
                sb.Append(')');
                return;
            default: sb.Append(value); return;
        }
    }
}

/// <summary>
/// Random but valid documents, deterministic for a seed. Type definitions always have fields: a field-less type
/// followed by a shorthand query would read the query as its fields (the grammar's own ambiguity, as in graphql-js).
/// </summary>
internal sealed class DocumentGenerator(int seed)
{
    private readonly Random _random = new(seed);
    private static readonly string[] Names = ["a", "b", "field", "Dog", "_x", "on", "query", "type", "x1", "fragment", "true", "null", "input", "extend"];

    private int N(int max) => _random.Next(max);
    private bool Chance(int percent) => _random.Next(100) < percent;
    private List<T> Many<T>(int max, Func<T> make, int min = 0) => Enumerable.Range(0, min + N(max - min + 1)).Select(_ => make()).ToList();

    private NameNode Name() => new(Names[N(Names.Length)]);
    private NameNode SafeName() { var n = Name(); return n.Value is "on" or "true" or "false" or "null" ? new NameNode("safe") : n; }

    public DocumentNode Document() => new(Many(4, Definition, min: 1));

    private DefinitionNode Definition() => N(10) switch
    {
        < 5 => Operation(),
        5 => new FragmentDefinitionNode(SafeName(), new NamedTypeNode(Name()), Directives(false), SelectionSet(3), Chance(30) ? Str() : null),
        6 => new ObjectTypeDefinitionNode(Chance(50) ? Str() : null, Name(), Many(2, () => new NamedTypeNode(Name())), Directives(true), Many(3, FieldDefinition, min: 1)),
        7 => new EnumTypeDefinitionNode(Chance(50) ? Str() : null, Name(), Directives(true), Many(3, () => new EnumValueDefinitionNode(Chance(30) ? Str() : null, SafeName(), Directives(true)), min: 1)),
        8 => new DirectiveDefinitionNode(Chance(50) ? Str() : null, Name(), Many(2, InputValue), Chance(50), Many(2, () => new NameNode(N(2) == 0 ? "FIELD" : "OBJECT"), min: 1))
            { Directives = Directives(true) },
        _ => N(3) switch
        {
            0 => new InputObjectTypeDefinitionNode(Chance(50) ? Str() : null, Name(), Directives(true), Many(3, InputValue, min: 1)),
            1 => new UnionTypeDefinitionNode(null, Name(), Directives(true), Many(3, () => new NamedTypeNode(Name()))),
            _ => new ObjectTypeExtensionNode(Name(), [], [new DirectiveNode(Name(), [])], Many(2, FieldDefinition, min: 1)),
        },
    };

    private OperationDefinitionNode Operation()
    {
        if (Chance(30)) return new OperationDefinitionNode(OperationType.Query, null, [], [], SelectionSet(3));
        return new OperationDefinitionNode((OperationType)N(3), Chance(70) ? Name() : null,
            Many(2, () => new VariableDefinitionNode(new VariableNode(Name()), Type(), Chance(40) ? Value(true, 2) : null, Directives(true), Chance(20) ? Str() : null)),
            Directives(false), SelectionSet(3), Chance(20) ? Str() : null);
    }

    private SelectionSetNode SelectionSet(int depth) => new(Many(3, () => Selection(depth), min: depth > 0 ? 1 : 0));

    private SelectionNode Selection(int depth) => N(6) switch
    {
        0 => new FragmentSpreadNode(SafeName(), Directives(false)),
        1 when depth > 0 => new InlineFragmentNode(Chance(60) ? new NamedTypeNode(Name()) : null, Directives(false), SelectionSet(depth - 1)),
        _ => new FieldNode(Chance(30) ? Name() : null, Name(), Many(2, () => new ArgumentNode(Name(), Value(false, 2))), Directives(false),
            depth > 0 && Chance(40) ? SelectionSet(depth - 1) : null),
    };

    private IReadOnlyList<DirectiveNode> Directives(bool isConst) => Many(2, () => new DirectiveNode(Name(), Many(2, () => new ArgumentNode(Name(), Value(isConst, 1)))));

    private FieldDefinitionNode FieldDefinition() => new(Chance(30) ? Str() : null, Name(), Many(2, InputValue), Type(), Directives(true));

    private InputValueDefinitionNode InputValue() => new(Chance(30) ? Str() : null, Name(), Type(), Chance(40) ? Value(true, 2) : null, Directives(true));

    private TypeNode Type()
    {
        TypeNode type = Chance(30) ? new ListTypeNode(Type()) : new NamedTypeNode(Name());
        return Chance(40) ? new NonNullTypeNode(type) : type;
    }

    private StringValueNode Str()
    {
        var chars = "ab Z\n\t\"\\é😀\u0007/{}".EnumerateRunes().Select(r => r.ToString()).ToArray();
        var value = string.Concat(Enumerable.Range(0, N(12)).Select(_ => chars[N(chars.Length)]));
        return new StringValueNode(value, Chance(50) && BlockString.IsPrintableAsBlockString(value));
    }

    private ValueNode Value(bool isConst, int depth) => N(depth > 0 ? 10 : 8) switch
    {
        0 => new IntValueNode((N(3) == 0 ? "-" : "") + N(100000)),
        1 => new FloatValueNode(new[] { "1.5", "-0.25e10", "3E-2", "0.0", "12.5e+3" }[N(5)]),
        2 => Str(),
        3 => new BooleanValueNode(Chance(50)),
        4 => new NullValueNode(),
        5 => new EnumValueNode(SafeName().Value),
        6 => isConst ? new IntValueNode("7") : new VariableNode(Name()),
        7 => new EnumValueNode("RED"),
        8 => new ListValueNode(Many(3, () => Value(isConst, depth - 1))),
        _ => new ObjectValueNode(Many(3, () => new ObjectFieldNode(Name(), Value(isConst, depth - 1)))),
    };
}
