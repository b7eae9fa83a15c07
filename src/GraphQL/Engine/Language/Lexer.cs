using System.Globalization;
using System.Text;
using Cases.GraphQL.Engine.Errors;

namespace Cases.GraphQL.Engine.Language;

/// <summary>
/// The lexer of spec 2.1 "Source Text", a close port of graphql-js lexer.ts: same token boundaries, same error
/// messages, same positions. Ignored tokens (whitespace, line terminators, commas, comments, the BOM) are skipped.
/// </summary>
public sealed class Lexer
{
    private readonly string _body;
    private int _line = 1;
    private int _lineStart;
    private Token? _lookahead;

    public Lexer(string body)
    {
        _body = body;
        Token = new Token(TokenKind.Sof, 0, 0, 0, 0, null);
    }

    public string Body => _body;

    /// <summary>The token the parser is looking at.</summary>
    public Token Token { get; private set; }

    /// <summary>Moves to the next significant token and returns it.</summary>
    public Token Advance()
    {
        Token = Lookahead();
        _lookahead = null;
        return Token;
    }

    /// <summary>The token after <see cref="Token"/>, without consuming it.</summary>
    public Token Lookahead()
    {
        if (Token.Kind == TokenKind.Eof) return Token;
        return _lookahead ??= ReadNextToken(Token.End);
    }

    private Token Create(TokenKind kind, int start, int end, string? value = null) =>
        new(kind, start, end, _line, 1 + start - _lineStart, value);

    private int CharAt(int position) => position < _body.Length ? _body[position] : -1;

    /// <summary>graphql-js readNextToken: skips ignored tokens, then reads one token (spec 2.1.6 "Lexical Tokens").</summary>
    private Token ReadNextToken(int start)
    {
        var position = start;
        while (position < _body.Length)
        {
            var code = _body[position];
            switch (code)
            {
                case '\uFEFF': // UnicodeBOM
                case '\t':
                case ' ':
                case ',':
                    ++position;
                    continue;
                case '\n':
                    ++position;
                    ++_line;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += CharAt(position + 1) == '\n' ? 2 : 1;
                    ++_line;
                    _lineStart = position;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!': return Create(TokenKind.Bang, position, position + 1);
                case '$': return Create(TokenKind.Dollar, position, position + 1);
                case '&': return Create(TokenKind.Amp, position, position + 1);
                case '(': return Create(TokenKind.ParenL, position, position + 1);
                case ')': return Create(TokenKind.ParenR, position, position + 1);
                case '.':
                {
                    var next = CharAt(position + 1);
                    if (next == '.' && CharAt(position + 2) == '.') return Create(TokenKind.Spread, position, position + 3);
                    if (next == '.') throw Error(position, "Unexpected \"..\", did you mean \"...\"?");
                    if (IsDigit(next))
                    {
                        var digits = _body[(position + 1)..ReadDigits(position + 1, next)];
                        throw Error(position, $"Invalid number, expected digit before \".\", did you mean \"0.{digits}\"?");
                    }
                    break;
                }
                case ':': return Create(TokenKind.Colon, position, position + 1);
                case '=': return Create(TokenKind.Equals, position, position + 1);
                case '@': return Create(TokenKind.At, position, position + 1);
                case '[': return Create(TokenKind.BracketL, position, position + 1);
                case ']': return Create(TokenKind.BracketR, position, position + 1);
                case '{': return Create(TokenKind.BraceL, position, position + 1);
                case '|': return Create(TokenKind.Pipe, position, position + 1);
                case '}': return Create(TokenKind.BraceR, position, position + 1);
                case '"':
                    return CharAt(position + 1) == '"' && CharAt(position + 2) == '"' ? ReadBlockString(position) : ReadString(position);
            }
            if (IsDigit(code) || code == '-') return ReadNumber(position, code);
            if (IsNameStart(code)) return ReadName(position);
            throw Error(position,
                code == '\''
                    ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                    : IsUnicodeScalarValue(code) || IsSupplementaryCodePoint(position)
                        ? $"Unexpected character: {PrintCodePointAt(position)}."
                        : $"Invalid character: {PrintCodePointAt(position)}.");
        }
        return Create(TokenKind.Eof, _body.Length, _body.Length);
    }

    private int SkipComment(int start)
    {
        var position = start + 1;
        while (position < _body.Length)
        {
            var code = _body[position];
            if (code == '\n' || code == '\r') break;
            if (IsUnicodeScalarValue(code)) ++position;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else break;
        }
        return position;
    }

    /// <summary>Spec 2.1.8 "IntValue" / 2.1.9 "FloatValue".</summary>
    private Token ReadNumber(int start, int firstCode)
    {
        var position = start;
        var code = firstCode;
        var isFloat = false;
        if (code == '-') code = CharAt(++position);
        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code)) throw Error(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == 'E' || code == 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code == '+' || code == '-') code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        // Numbers cannot be followed by . or NameStart
        if (code == '.' || IsNameStart(code)) throw Error(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        return Create(isFloat ? TokenKind.Float : TokenKind.Int, start, position, _body[start..position]);
    }

    private int ReadDigits(int start, int firstCode)
    {
        if (!IsDigit(firstCode)) throw Error(start, $"Invalid number, expected digit but got: {PrintCodePointAt(start)}.");
        var position = start + 1;
        while (IsDigit(CharAt(position))) ++position;
        return position;
    }

    /// <summary>Spec 2.9.4 "StringValue" (single-quoted form).</summary>
    private Token ReadString(int start)
    {
        var position = start + 1;
        var chunkStart = position;
        var value = new StringBuilder();
        while (position < _body.Length)
        {
            var code = _body[position];
            if (code == '"')
            {
                value.Append(_body, chunkStart, position - chunkStart);
                return Create(TokenKind.String, start, position + 1, value.ToString());
            }
            if (code == '\\')
            {
                value.Append(_body, chunkStart, position - chunkStart);
                var (escaped, size) = CharAt(position + 1) == 'u'
                    ? CharAt(position + 2) == '{' ? ReadEscapedUnicodeVariableWidth(position) : ReadEscapedUnicodeFixedWidth(position)
                    : ReadEscapedCharacter(position);
                value.Append(escaped);
                position += size;
                chunkStart = position;
                continue;
            }
            if (code == '\n' || code == '\r') break;
            if (IsUnicodeScalarValue(code)) ++position;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
        }
        throw Error(position, "Unterminated string.");
    }

    private (string Value, int Size) ReadEscapedUnicodeVariableWidth(int position)
    {
        var point = 0;
        var size = 3;
        // Cannot be larger than 12 chars (\u{00000000}).
        while (size < 12)
        {
            var code = CharAt(position + size++);
            if (code == '}')
            {
                // Must be at least 5 chars (\u{0}) and encode a Unicode scalar value.
                if (size < 5 || !IsUnicodeScalarValue(point)) break;
                return (char.ConvertFromUtf32(point), size);
            }
            // Append this hex digit to the code point; an invalid digit (-1) makes it negative, as in graphql-js.
            point = (point << 4) | ReadHexDigit(code);
            if (point < 0) break;
        }
        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + size)}\".");
    }

    private (string Value, int Size) ReadEscapedUnicodeFixedWidth(int position)
    {
        var code = Read16BitHexCode(position + 2);
        if (code >= 0 && IsUnicodeScalarValue(code)) return (char.ConvertFromUtf32(code), 6);
        // GraphQL allows JSON-style surrogate pair escape sequences, but only when a valid pair is formed.
        if (code is >= 0xD800 and <= 0xDBFF && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read16BitHexCode(position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF) return (new string([(char)code, (char)trailing]), 12);
        }
        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + 6)}\".");
    }

    private int Read16BitHexCode(int position)
    {
        int a = ReadHexDigit(CharAt(position)), b = ReadHexDigit(CharAt(position + 1)), c = ReadHexDigit(CharAt(position + 2)), d = ReadHexDigit(CharAt(position + 3));
        return a < 0 || b < 0 || c < 0 || d < 0 ? -1 : (a << 12) | (b << 8) | (c << 4) | d;
    }

    private static int ReadHexDigit(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    private (string Value, int Size) ReadEscapedCharacter(int position) => CharAt(position + 1) switch
    {
        '"' => ("\"", 2),
        '\\' => ("\\", 2),
        '/' => ("/", 2),
        'b' => ("\b", 2),
        'f' => ("\f", 2),
        'n' => ("\n", 2),
        'r' => ("\r", 2),
        't' => ("\t", 2),
        _ => throw Error(position, $"Invalid character escape sequence: \"{Slice(position, position + 2)}\"."),
    };

    /// <summary>Spec 2.9.4 "BlockString"; the value is BlockStringValue() of the raw lines.</summary>
    private Token ReadBlockString(int start)
    {
        var lineStart = _lineStart;
        var position = start + 3;
        var chunkStart = position;
        var currentLine = new StringBuilder();
        var blockLines = new List<string>();
        while (position < _body.Length)
        {
            var code = _body[position];
            if (code == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(_body, chunkStart, position - chunkStart);
                blockLines.Add(currentLine.ToString());
                var token = Create(TokenKind.BlockString, start, position + 3, BlockString.DedentLines(blockLines));
                _line += blockLines.Count - 1;
                _lineStart = lineStart;
                return token;
            }
            if (code == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                currentLine.Append(_body, chunkStart, position - chunkStart);
                chunkStart = position + 1; // skip only slash
                position += 4;
                continue;
            }
            if (code == '\n' || code == '\r')
            {
                currentLine.Append(_body, chunkStart, position - chunkStart);
                blockLines.Add(currentLine.ToString());
                currentLine.Clear();
                position += code == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                lineStart = position;
                continue;
            }
            if (IsUnicodeScalarValue(code)) ++position;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
        }
        throw Error(position, "Unterminated string.");
    }

    private Token ReadName(int start)
    {
        var position = start + 1;
        while (position < _body.Length && IsNameContinue(_body[position])) ++position;
        return Create(TokenKind.Name, start, position, _body[start..position]);
    }

    private string Slice(int start, int end) => _body[start..Math.Min(end, _body.Length)];

    private string PrintCodePointAt(int position)
    {
        if (position >= _body.Length) return "<EOF>";
        var code = IsSupplementaryCodePoint(position) ? char.ConvertToUtf32(_body[position], _body[position + 1]) : _body[position];
        if (code is >= 0x20 and <= 0x7E) return code == '"' ? "'\"'" : $"\"{(char)code}\"";
        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    private bool IsSupplementaryCodePoint(int position) =>
        position + 1 < _body.Length && char.IsHighSurrogate(_body[position]) && char.IsLowSurrogate(_body[position + 1]);

    private static bool IsUnicodeScalarValue(int code) => code is >= 0 and <= 0xD7FF or >= 0xE000 and <= 0x10FFFF;

    private static bool IsDigit(int code) => code is >= '0' and <= '9';

    internal static bool IsNameStart(int code) => code is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';

    internal static bool IsNameContinue(int code) => IsNameStart(code) || IsDigit(code);

    internal GraphQLSyntaxException Error(int position, string description) => SyntaxError(_body, position, description);

    /// <summary>A syntax error at an offset, with graphql-js's "Syntax Error: " prefix and the offset's line and column.</summary>
    public static GraphQLSyntaxException SyntaxError(string body, int position, string description)
    {
        var (line, column) = LineAndColumn(body, position);
        return new GraphQLSyntaxException(new GraphQLError($"Syntax Error: {description}", [new SourceLocation(line, column)]));
    }

    /// <summary>graphql-js getLocation: lines split at \r\n, \n or \r.</summary>
    public static (int Line, int Column) LineAndColumn(string body, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < body.Length; i++)
        {
            if (body[i] == '\r')
            {
                if (i + 1 < body.Length && body[i + 1] == '\n') i++;
                if (i + 1 > position) break;
                line++;
                lineStart = i + 1;
            }
            else if (body[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, position + 1 - lineStart);
    }
}
