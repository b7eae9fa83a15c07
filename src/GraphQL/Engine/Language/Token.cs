namespace Cases.GraphQL.Engine.Language;

/// <summary>The lexical token kinds of spec 2.1; <see cref="TokenKinds.Describe"/> gives graphql-js's names for messages.</summary>
public enum TokenKind
{
    Sof, Eof, Bang, Dollar, Amp, ParenL, ParenR, Spread, Colon, Equals, At, BracketL, BracketR, BraceL, Pipe, BraceR,
    Name, Int, Float, String, BlockString,
}

public static class TokenKinds
{
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.Sof => "<SOF>",
        TokenKind.Eof => "<EOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Amp => "\"&\"",
        TokenKind.ParenL => "\"(\"",
        TokenKind.ParenR => "\")\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.Equals => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.BracketL => "\"[\"",
        TokenKind.BracketR => "\"]\"",
        TokenKind.BraceL => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.BraceR => "\"}\"",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        _ => kind.ToString(),
    };
}

/// <summary>A lexed token: kind, UTF-16 offsets, 1-based line and column, and the (unescaped) value for names, numbers and strings.</summary>
public sealed record Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value)
{
    public string Describe() => TokenKinds.Describe(Kind) + (Value is null ? "" : $" \"{Value}\"");
}
