using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Tests.Language;

public class PrinterTests
{
    [Fact]
    public void Prints_the_query_shorthand_and_named_operations()
    {
        Assert.Equal("{\n  a\n}", Printer.Print(Parser.Parse("query { a }")));
        Assert.Equal("query Q($a: Int = 1, $b: [String!]!) @dir {\n  a(x: $a)\n}",
            Printer.Print(Parser.Parse("query Q($a:Int=1 $b:[String!]!)@dir{a(x:$a)}")));
    }

    [Fact]
    public void Prints_values_with_graphql_js_17_spacing()
    {
        Assert.Equal("{\n  a(x: { a: 1, b: [1, 2] }, y: {  }, z: [])\n}", Printer.Print(Parser.Parse("{a(x:{a:1 b:[1 2]} y:{} z:[])}")));
    }

    [Fact]
    public void Wraps_long_argument_lists_and_objects()
    {
        var printed = Printer.Print(Parser.Parse(
            "{ a(x: {a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", b: \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"}) { b } }"));
        Assert.Equal("""
            {
              a(
                x: {
                  a: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                  b: "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
                }
              ) {
                b
              }
            }
            """, printed);
    }

    [Fact]
    public void Prints_strings_with_json_escapes_and_block_strings_as_blocks()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0007\\u007F\"", Printer.PrintString("a\"b\\c\n\u0007\u007f"));
        Assert.Equal("\"\"\"\n  multi\n  line\n  \"\"\"", Printer.Print(new StringValueNode("multi\nline", Block: true)) .Replace("\n", "\n  "));
        Assert.Equal("\"\"\"\"\"\"", BlockString.Print(""));
        Assert.Equal("\"\"\" leading space\"\"\"", BlockString.Print(" leading space"));
        Assert.Equal("\"\"\"\ntrailing quote\"\n\"\"\"", BlockString.Print("trailing quote\""));
    }

    [Fact]
    public void Prints_type_system_definitions_with_descriptions()
    {
        const string sdl = """
            "A type"
            type T implements A & B @x {
              "field"
              f(
                "arg"
                a: Int = 1
              ): String @deprecated(reason: "no")
            }

            union U = A | B

            directive @d(x: Int) @deprecated repeatable on FIELD | QUERY

            extend directive @d @x
            """;
        Assert.Equal(sdl, Printer.Print(Parser.Parse(sdl)));
    }

    [Fact]
    public void Prints_an_empty_selection_set_as_braces() =>
        Assert.Equal("query Q {}", Printer.Print(Parser.Parse("query Q {}")));
}
