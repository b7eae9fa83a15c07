using Cases.GraphQL.Engine.Errors;

namespace Cases.GraphQL.Engine.Language;

/// <summary>The recursive-descent parser behind <see cref="Parser"/>; each method quotes the production it parses.</summary>
internal sealed partial class ParserState
{
    private readonly Lexer _lexer;
    private readonly int? _maxTokens;
    private readonly int _maxDepth;
    private readonly bool _allowEmptySelectionSets;
    private int _tokenCounter;
    private int _depth;
    private Token _lastToken;

    public ParserState(string source, ParseOptions? options)
    {
        _lexer = new Lexer(source);
        _maxTokens = options?.MaxTokens;
        _maxDepth = options?.MaxDepth ?? ParseOptions.DefaultMaxDepth;
        _allowEmptySelectionSets = options?.AllowEmptySelectionSets ?? true;
        if (options?.MaxSourceLength is { } maxLength && source.Length > maxLength)
            throw _lexer.Error(maxLength, $"Source contains more than {maxLength} UTF-16 code units. Parsing aborted.");
        _lastToken = _lexer.Token;
    }

    private Token Current => _lexer.Token;

    /// <summary>Document : Definition+</summary>
    public DocumentNode ParseDocument()
    {
        var start = Current;
        var definitions = Many(TokenKind.Sof, ParseDefinition, TokenKind.Eof);
        return new DocumentNode(definitions) { Loc = Loc(start) };
    }

    /// <summary>Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension</summary>
    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL)) return ParseOperationDefinition();
        var hasDescription = PeekDescription();
        var keywordToken = hasDescription ? _lexer.Lookahead() : Current;
        if (hasDescription && keywordToken.Kind == TokenKind.BraceL)
            throw _lexer.Error(Current.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
                case "query":
                case "mutation":
                case "subscription": return ParseOperationDefinition();
                case "fragment": return ParseFragmentDefinition();
            }
            if (hasDescription)
                throw _lexer.Error(Current.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            if (keywordToken.Value == "extend") return ParseTypeSystemExtension();
        }
        throw Unexpected(keywordToken);
    }

    /// <summary>OperationDefinition : SelectionSet | Description? OperationType Name? VariableDefinitions? Directives? SelectionSet</summary>
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = Current;
        if (Peek(TokenKind.BraceL))
            return new OperationDefinitionNode(OperationType.Query, null, [], [], ParseSelectionSet()) { Loc = Loc(start) };
        var description = ParseDescription();
        var operation = ParseOperationType();
        NameNode? name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = OptionalMany(TokenKind.ParenL, ParseVariableDefinition, TokenKind.ParenR);
        var directives = ParseDirectives(false);
        return new OperationDefinitionNode(operation, name, variables, directives, ParseSelectionSet(), description) { Loc = Loc(start) };
    }

    /// <summary>OperationType : one of query mutation subscription</summary>
    private OperationType ParseOperationType()
    {
        var token = ExpectToken(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    /// <summary>VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?</summary>
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(true) : null;
        var directives = ParseDirectives(true);
        return new VariableDefinitionNode(variable, type, defaultValue, directives, description) { Loc = Loc(start) };
    }

    /// <summary>Variable : $ Name</summary>
    private VariableNode ParseVariable()
    {
        var start = Current;
        ExpectToken(TokenKind.Dollar);
        return new VariableNode(ParseName()) { Loc = Loc(start) };
    }

    /// <summary>SelectionSet : { Selection+ }</summary>
    private SelectionSetNode ParseSelectionSet()
    {
        var start = Current;
        Enter();
        // graphql-js 17 accepts empty selection sets unless allowEmptySelectionSets is false.
        IReadOnlyList<SelectionNode> selections = _allowEmptySelectionSets
            ? Any(TokenKind.BraceL, ParseSelection, TokenKind.BraceR)
            : Many(TokenKind.BraceL, ParseSelection, TokenKind.BraceR);
        _depth--;
        return new SelectionSetNode(selections) { Loc = Loc(start) };
    }

    /// <summary>Selection : Field | FragmentSpread | InlineFragment</summary>
    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    /// <summary>Field : Alias? Name Arguments? Directives? SelectionSet?</summary>
    private FieldNode ParseField()
    {
        var start = Current;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }
        var arguments = ParseArguments(false);
        var directives = ParseDirectives(false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet) { Loc = Loc(start) };
    }

    /// <summary>Arguments[Const] : ( Argument[?Const]+ )</summary>
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst) =>
        OptionalMany(TokenKind.ParenL, () => ParseArgument(isConst), TokenKind.ParenR);

    /// <summary>Argument[Const] : Name : Value[?Const]</summary>
    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = Current;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        return new ArgumentNode(name, ParseValueLiteral(isConst)) { Loc = Loc(start) };
    }

    /// <summary>FragmentSpread : ... FragmentName Directives?  /  InlineFragment : ... TypeCondition? Directives? SelectionSet</summary>
    private SelectionNode ParseFragment()
    {
        var start = Current;
        ExpectToken(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            return new FragmentSpreadNode(name, ParseDirectives(false)) { Loc = Loc(start) };
        }
        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(false);
        return new InlineFragmentNode(typeCondition, directives, ParseSelectionSet()) { Loc = Loc(start) };
    }

    /// <summary>FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet</summary>
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(false);
        return new FragmentDefinitionNode(name, typeCondition, directives, ParseSelectionSet(), description) { Loc = Loc(start) };
    }

    /// <summary>FragmentName : Name but not `on`</summary>
    private NameNode ParseFragmentName()
    {
        if (Current.Value == "on") throw Unexpected();
        return ParseName();
    }

    /// <summary>Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue | ListValue[?Const] | ObjectValue[?Const]</summary>
    internal ValueNode ParseValueLiteral(bool isConst)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
            {
                Enter();
                var values = Any(TokenKind.BracketL, () => ParseValueLiteral(isConst), TokenKind.BracketR);
                _depth--;
                return new ListValueNode(values) { Loc = Loc(token) };
            }
            case TokenKind.BraceL:
            {
                Enter();
                var fields = Any(TokenKind.BraceL, () => ParseObjectField(isConst), TokenKind.BraceR);
                _depth--;
                return new ObjectValueNode(fields) { Loc = Loc(token) };
            }
            case TokenKind.Int:
                AdvanceLexer();
                return new IntValueNode(token.Value!) { Loc = Loc(token) };
            case TokenKind.Float:
                AdvanceLexer();
                return new FloatValueNode(token.Value!) { Loc = Loc(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                AdvanceLexer();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true) { Loc = Loc(token) },
                    "false" => new BooleanValueNode(false) { Loc = Loc(token) },
                    "null" => new NullValueNode { Loc = Loc(token) },
                    _ => new EnumValueNode(token.Value!) { Loc = Loc(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    if (Current.Kind == TokenKind.Name)
                        throw _lexer.Error(token.Start, $"Unexpected variable \"${Current.Value}\" in constant value.");
                    throw Unexpected(token);
                }
                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = Current;
        AdvanceLexer();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString) { Loc = Loc(token) };
    }

    /// <summary>ObjectField[Const] : Name : Value[?Const]</summary>
    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = Current;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        return new ObjectFieldNode(name, ParseValueLiteral(isConst)) { Loc = Loc(start) };
    }

    /// <summary>Directives[Const] : Directive[?Const]+</summary>
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        List<DirectiveNode>? directives = null;
        while (Peek(TokenKind.At)) (directives ??= []).Add(ParseDirective(isConst));
        return directives ?? (IReadOnlyList<DirectiveNode>)[];
    }

    /// <summary>Directive[Const] : @ Name Arguments[?Const]?</summary>
    private DirectiveNode ParseDirective(bool isConst)
    {
        var start = Current;
        ExpectToken(TokenKind.At);
        var name = ParseName();
        return new DirectiveNode(name, ParseArguments(isConst)) { Loc = Loc(start) };
    }

    /// <summary>Type : NamedType | ListType | NonNullType</summary>
    internal TypeNode ParseTypeReference()
    {
        var start = Current;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketL))
        {
            Enter();
            var inner = ParseTypeReference();
            _depth--;
            ExpectToken(TokenKind.BracketR);
            type = new ListTypeNode(inner) { Loc = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }
        return ExpectOptionalToken(TokenKind.Bang) ? new NonNullTypeNode(type) { Loc = Loc(start) } : type;
    }

    /// <summary>NamedType : Name</summary>
    private NamedTypeNode ParseNamedType()
    {
        var start = Current;
        return new NamedTypeNode(ParseName()) { Loc = Loc(start) };
    }

    /// <summary>Name : /[_A-Za-z][_0-9A-Za-z]*/</summary>
    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode(token.Value!) { Loc = Loc(token) };
    }

    // ---- helpers, as graphql-js's Parser ----

    private void Enter()
    {
        if (++_depth > _maxDepth)
            throw _lexer.Error(Current.Start, $"Document exceeds the maximum nesting depth of {_maxDepth}.");
    }

    private Location Loc(Token start) => new(start.Start, _lastToken.End, start.Line, start.Column);

    private bool Peek(TokenKind kind) => Current.Kind == kind;

    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    internal Token ExpectToken(TokenKind kind)
    {
        var token = Current;
        if (token.Kind == kind)
        {
            AdvanceLexer();
            return token;
        }
        throw _lexer.Error(token.Start, $"Expected {TokenKinds.Describe(kind)}, found {token.Describe()}.");
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        AdvanceLexer();
        return true;
    }

    private void ExpectKeyword(string value)
    {
        var token = Current;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            AdvanceLexer();
            return;
        }
        throw _lexer.Error(token.Start, $"Expected \"{value}\", found {token.Describe()}.");
    }

    private bool ExpectOptionalKeyword(string value)
    {
        var token = Current;
        if (token.Kind != TokenKind.Name || token.Value != value) return false;
        AdvanceLexer();
        return true;
    }

    private GraphQLSyntaxException Unexpected(Token? at = null)
    {
        var token = at ?? Current;
        return _lexer.Error(token.Start, $"Unexpected {token.Describe()}.");
    }

    private List<T> Any<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        ExpectToken(open);
        var nodes = new List<T>();
        while (!ExpectOptionalToken(close)) nodes.Add(parse());
        return nodes;
    }

    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        if (!ExpectOptionalToken(open)) return [];
        var nodes = new List<T>();
        do nodes.Add(parse()); while (!ExpectOptionalToken(close));
        return nodes;
    }

    private List<T> Many<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        ExpectToken(open);
        var nodes = new List<T>();
        do nodes.Add(parse()); while (!ExpectOptionalToken(close));
        return nodes;
    }

    private List<T> DelimitedMany<T>(TokenKind delimiter, Func<T> parse)
    {
        ExpectOptionalToken(delimiter);
        var nodes = new List<T>();
        do nodes.Add(parse()); while (ExpectOptionalToken(delimiter));
        return nodes;
    }

    private void AdvanceLexer()
    {
        _lastToken = Current;
        var token = _lexer.Advance();
        if (token.Kind != TokenKind.Eof)
        {
            ++_tokenCounter;
            if (_tokenCounter > _maxTokens)
                throw _lexer.Error(token.Start, $"Document contains more than {_maxTokens} tokens. Parsing aborted.");
        }
    }
}
