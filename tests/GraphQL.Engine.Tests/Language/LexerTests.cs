using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Tests.Language;

public class LexerTests
{
    private static Token Lex(string source)
    {
        var lexer = new Lexer(source);
        return lexer.Advance();
    }

    private static void ExpectSyntaxError(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() =>
        {
            var lexer = new Lexer(source);
            while (lexer.Advance().Kind != TokenKind.Eof) { }
        }).Error;
        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations!);
    }

    [Fact]
    public void Ignores_the_byte_order_mark_whitespace_commas_and_comments()
    {
        var token = Lex("\uFEFF ,\t# a comment\n  foo");
        Assert.Equal((TokenKind.Name, "foo", 2, 3), (token.Kind, token.Value, token.Line, token.Column));
    }

    [Fact]
    public void Counts_columns_in_utf16_code_units_after_crlf_and_cr()
    {
        var lexer = new Lexer("\r\n\r  \"\U0001F600\" x");
        var first = lexer.Advance();
        var second = lexer.Advance();
        Assert.Equal((3, 3), (first.Line, first.Column));
        Assert.Equal((3, 8), (second.Line, second.Column));
    }

    [Theory]
    [InlineData("4", TokenKind.Int, "4")]
    [InlineData("-4", TokenKind.Int, "-4")]
    [InlineData("0", TokenKind.Int, "0")]
    [InlineData("4.123", TokenKind.Float, "4.123")]
    [InlineData("-1.123e4", TokenKind.Float, "-1.123e4")]
    [InlineData("1E-10", TokenKind.Float, "1E-10")]
    [InlineData("0.0", TokenKind.Float, "0.0")]
    public void Lexes_numbers(string source, TokenKind kind, string value)
    {
        var token = Lex(source);
        Assert.Equal((kind, value), (token.Kind, token.Value));
    }

    [Theory]
    [InlineData("01", "Invalid number, unexpected digit after 0: \"1\".", 1, 2)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1.A", "Invalid number, expected digit but got: \"A\".", 1, 3)]
    [InlineData("-A", "Invalid number, expected digit but got: \"A\".", 1, 2)]
    [InlineData("1e", "Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("0x", "Invalid number, expected digit but got: \"x\".", 1, 2)]
    [InlineData("1.0e+", "Invalid number, expected digit but got: <EOF>.", 1, 6)]
    [InlineData("123abc", "Invalid number, expected digit but got: \"a\".", 1, 4)]
    [InlineData("1.23.4", "Invalid number, expected digit but got: \".\".", 1, 5)]
    [InlineData(".5", "Invalid number, expected digit before \".\", did you mean \"0.5\"?", 1, 1)]
    [InlineData("..", "Unexpected \"..\", did you mean \"...\"?", 1, 1)]
    public void Rejects_malformed_numbers_and_dots(string source, string message, int line, int column) =>
        ExpectSyntaxError(source, message, line, column);

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\\/\\\\\"", "escaped \n\r\b\t\f/\\")]
    [InlineData("\"unicode \\u1234\\u5678\"", "unicode \u1234\u5678")]
    [InlineData("\"\\u{1F600}\"", "\U0001F600")]
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F600")]
    [InlineData("\"\\u{0000000000000000041}\"", null)]
    public void Lexes_strings_and_escapes(string source, string? expected)
    {
        if (expected is null)
        {
            Assert.Throws<GraphQLSyntaxException>(() => Lex(source));
            return;
        }
        Assert.Equal(expected, Lex(source).Value);
    }

    [Theory]
    [InlineData("\"", "Unterminated string.", 1, 2)]
    [InlineData("\"no end\nx\"", "Unterminated string.", 1, 8)]
    [InlineData("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".", 1, 6)]
    [InlineData("\"bad \\u{110000}\"", "Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 6)]
    [InlineData("\"bad \\uD800\"", "Invalid Unicode escape sequence: \"\\uD800\".", 1, 6)]
    [InlineData("\"bad \\uD800\\u0041\"", "Invalid Unicode escape sequence: \"\\uD800\".", 1, 6)]
    [InlineData("\"bad \\u{D800}\"", "Invalid Unicode escape sequence: \"\\u{D800}\".", 1, 6)]
    [InlineData("\"bad \\uXYZW\"", "Invalid Unicode escape sequence: \"\\uXYZW\".", 1, 6)]
    [InlineData("\"\u0007\"", null, 0, 0)]
    [InlineData("'single'", "Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("?", "Unexpected character: \"?\".", 1, 1)]
    [InlineData("\u00AA", "Unexpected character: U+00AA.", 1, 1)]
    [InlineData("\U0001F600", "Unexpected character: U+1F600.", 1, 1)]
    public void Rejects_invalid_strings_and_characters(string source, string? message, int line, int column)
    {
        if (message is null)
        {
            Assert.Equal("\u0007", Lex(source).Value); // control characters are source characters inside strings
            return;
        }
        ExpectSyntaxError(source, message, line, column);
    }

    [Fact]
    public void Rejects_lone_surrogates_outside_and_inside_strings()
    {
        ExpectSyntaxError(((char)0xD800).ToString(), "Invalid character: U+D800.", 1, 1);
        ExpectSyntaxError("\"" + (char)0xDEAD + "\"", "Invalid character within String: U+DEAD.", 1, 2);
        ExpectSyntaxError("\"\"\"" + (char)0xD800 + "\"\"\"", "Invalid character within String: U+D800.", 1, 4);
    }

    [Fact]
    public void Block_strings_remove_common_indentation_and_blank_edges()
    {
        var token = Lex("\"\"\"\n\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n    \"\"\"");
        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", token.Value);
    }

    [Fact]
    public void Block_strings_keep_escaped_triple_quotes_and_backslashes()
    {
        Assert.Equal("contains \"\"\" triple quote", Lex("\"\"\"contains \\\"\"\" triple quote\"\"\"").Value);
        Assert.Equal("slashes \\\\ \\/", Lex("\"\"\"slashes \\\\ \\/\"\"\"").Value);
    }

    [Fact]
    public void Block_strings_advance_the_line_count()
    {
        var lexer = new Lexer("\"\"\"a\nb\r\nc\"\"\" d");
        lexer.Advance();
        var next = lexer.Advance();
        Assert.Equal((3, 6), (next.Line, next.Column));
    }

    [Fact]
    public void Lexes_punctuation_and_spread()
    {
        var lexer = new Lexer("! $ & ( ) ... : = @ [ ] { | }");
        var kinds = new List<TokenKind>();
        for (var t = lexer.Advance(); t.Kind != TokenKind.Eof; t = lexer.Advance()) kinds.Add(t.Kind);
        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Amp, TokenKind.ParenL, TokenKind.ParenR, TokenKind.Spread, TokenKind.Colon,
             TokenKind.Equals, TokenKind.At, TokenKind.BracketL, TokenKind.BracketR, TokenKind.BraceL, TokenKind.Pipe, TokenKind.BraceR],
            kinds);
    }
}
