using Cases.GraphQL.Engine.Errors;

namespace Cases.GraphQL.Engine.Language;

/// <summary>
/// Parses GraphQL source into an AST (spec 2 and 3), a port of graphql-js parser.ts with the same grammar coverage
/// (executable and type-system documents, extensions, descriptions on operations, fragments and variables) and the
/// same error messages. Throws <see cref="GraphQLSyntaxException"/>.
/// </summary>
public static class Parser
{
    public static DocumentNode Parse(string source, ParseOptions? options = null) => new ParserState(source, options).ParseDocument();

    /// <summary>Parses a single value literal (variables allowed), like graphql-js parseValue.</summary>
    public static ValueNode ParseValue(string source, ParseOptions? options = null)
    {
        var parser = new ParserState(source, options);
        parser.ExpectToken(TokenKind.Sof);
        var value = parser.ParseValueLiteral(false);
        parser.ExpectToken(TokenKind.Eof);
        return value;
    }

    /// <summary>Parses a constant value literal, like graphql-js parseConstValue.</summary>
    public static ValueNode ParseConstValue(string source, ParseOptions? options = null)
    {
        var parser = new ParserState(source, options);
        parser.ExpectToken(TokenKind.Sof);
        var value = parser.ParseValueLiteral(true);
        parser.ExpectToken(TokenKind.Eof);
        return value;
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c>, like graphql-js parseType.</summary>
    public static TypeNode ParseType(string source, ParseOptions? options = null)
    {
        var parser = new ParserState(source, options);
        parser.ExpectToken(TokenKind.Sof);
        var type = parser.ParseTypeReference();
        parser.ExpectToken(TokenKind.Eof);
        return type;
    }
}
