namespace Cases.GraphQL.Engine.Errors;

/// <summary>
/// An exception carrying a <see cref="GraphQLError"/>. Resolvers may throw it to choose the message and
/// <c>extensions</c> of their field error (the executor keeps both and adds path and locations).
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException(GraphQLError error, Exception? inner = null) : base(error.Message, inner) => Error = error;

    public GraphQLException(string message, IReadOnlyDictionary<string, object?>? extensions = null)
        : this(new GraphQLError(message, Extensions: extensions)) { }

    public GraphQLError Error { get; }
}

/// <summary>A lexical or grammatical error in a document; the message is graphql-js's ("Syntax Error: ...").</summary>
public sealed class GraphQLSyntaxException(GraphQLError error) : GraphQLException(error);
