using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Tests.Language;

public class ParserTests
{
    private static GraphQLError SyntaxError(string source, ParseOptions? options = null) =>
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, options)).Error;

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ ...MissingOn }\nfragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\".", 2, 20)]
    [InlineData("{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Syntax Error: Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("query Foo($x: Int = $y) { a }", "Syntax Error: Unexpected variable \"$y\" in constant value.", 1, 21)]
    [InlineData("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("\"desc\" { a }", "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"desc\" extend type A { a: Int }", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("extend type A", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("directive @a on NOWHERE", "Syntax Error: Unexpected Name \"NOWHERE\".", 1, 17)]
    public void Reports_syntax_errors_as_graphql_js(string source, string message, int line, int column)
    {
        var error = SyntaxError(source);
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations!);
    }

    [Fact]
    public void Parses_a_field_with_alias_arguments_directives_and_locations()
    {
        var document = Parser.Parse("{\n  alias: field(arg: [1, $v, {a: ENUM}]) @skip(if: true) { sub }\n}");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal(("alias", "field", "alias"), (field.Alias!.Value, field.Name.Value, field.ResponseKey));
        Assert.Equal(new Location(4, 65, 2, 3), field.Loc);
        var list = Assert.IsType<ListValueNode>(Assert.Single(field.Arguments).Value);
        Assert.IsType<IntValueNode>(list.Values[0]);
        Assert.IsType<VariableNode>(list.Values[1]);
        Assert.IsType<EnumValueNode>(Assert.IsType<ObjectValueNode>(list.Values[2]).Fields[0].Value);
        Assert.Equal("skip", Assert.Single(field.Directives).Name.Value);
    }

    [Fact]
    public void Parses_descriptions_on_operations_fragments_and_variables()
    {
        var document = Parser.Parse("\"op\" query Q(\"var\" $a: Int) { a } \"frag\" fragment F on T { a }");
        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(("op", "var"), (operation.Description!.Value, operation.VariableDefinitions[0].Description!.Value));
        Assert.Equal("frag", Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]).Description!.Value);
    }

    [Fact]
    public void Parses_the_type_system_grammar()
    {
        var document = Parser.Parse("""
            "schema" schema @a { query: Q }
            extend schema @b
            scalar Date @specifiedBy(url: "https://example.com")
            interface Node implements Entity & Other { id: ID! }
            type T implements Node { f(a: Int = 1 @deprecated): [String!]! @deprecated(reason: "x") }
            union U = | A | B
            enum E { A @deprecated B }
            input I @oneOf { a: Int b: String }
            directive @d(x: Int) repeatable on FIELD | QUERY
            extend type T @x
            extend interface Node { more: Int }
            extend union U = C
            extend enum E { C }
            extend input I { c: Int }
            extend scalar Date @y
            extend directive @d @deprecated
            """);
        Assert.Equal(16, document.Definitions.Count);
        Assert.True(Assert.IsType<DirectiveDefinitionNode>(document.Definitions[8]).Repeatable);
        Assert.Equal(["Entity", "Other"], Assert.IsType<InterfaceTypeDefinitionNode>(document.Definitions[3]).Interfaces.Select(i => i.Name.Value));
    }

    [Fact]
    public void Accepts_an_empty_selection_set_as_graphql_js_17_does() =>
        Assert.Empty(Assert.IsType<OperationDefinitionNode>(Parser.Parse("{}").Definitions[0]).SelectionSet.Selections);

    [Fact]
    public void Stops_after_max_tokens()
    {
        var error = SyntaxError("{ a b c d }", new ParseOptions { MaxTokens = 4 });
        Assert.Equal("Syntax Error: Document contains more than 4 tokens. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(1, 9)], error.Locations!);
    }

    [Fact]
    public void Refuses_sources_longer_than_the_limit() =>
        Assert.Equal("Syntax Error: Source contains more than 5 UTF-16 code units. Parsing aborted.",
            SyntaxError("{ abc }", new ParseOptions { MaxSourceLength = 5 }).Message);

    [Theory]
    [InlineData("{ a ", " }")]
    [InlineData("{ a(x: [", "]) }")]
    [InlineData("{ a(x: {b: ", "}) }")]
    [InlineData("query ($a: [", "Int]) { a }")]
    public void A_hundred_thousand_nested_brackets_give_an_error_not_a_stack_overflow(string open, string close)
    {
        var prefix = open.EndsWith("{ a ") ? string.Concat(Enumerable.Repeat("{ a ", 100_000)) : open + string.Concat(Enumerable.Repeat(open[^1..] is "[" ? "[" : "{b: ", 100_000));
        var error = SyntaxError(prefix + close);
        Assert.StartsWith("Syntax Error: Document exceeds the maximum nesting depth of 256.", error.Message);
    }

    [Fact]
    public void Parses_values_and_types_alone()
    {
        Assert.IsType<ListValueNode>(Parser.ParseValue("[1, \"a\", $v]"));
        Assert.Equal("[String!]!", Printer.Print(Parser.ParseType("[String!]!")));
        Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue("$v"));
    }
}
