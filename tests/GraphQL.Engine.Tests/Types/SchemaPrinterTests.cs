using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Tests.Types;

public class SchemaPrinterTests
{
    [Fact]
    public void Prints_sdl_back_as_graphql_js_printSchema_does()
    {
        const string sdl = """"
            schema {
              query: Root
            }

            directive @cached(ttl: Int = 60) repeatable on FIELD_DEFINITION | OBJECT

            """Root type"""
            type Root {
              """
              The book
              with an id
              """
              book(
                """The id"""
                id: ID!
              ): Book
              old: String @deprecated
              older: String @deprecated(reason: "Use book")
            }

            type Book implements Node {
              id: ID!
              search(first: Int = 10, filter: Filter = { genres: [FICTION] }): [String]
            }

            interface Node {
              id: ID!
            }

            input Filter {
              genres: [Genre!]
            }

            enum Genre {
              FICTION
              HISTORY @deprecated
            }

            input Pick @oneOf {
              id: ID
            }

            scalar Date @specifiedBy(url: "https://example.com")

            union Thing = Book
            """";
        Assert.Equal(sdl, SchemaPrinter.Print(SchemaBuilder.FromSdl(sdl)));
    }

    [Fact]
    public void A_code_first_schema_orders_types_as_graphql_js_does()
    {
        var author = new ObjectType("Author") { Fields = { new FieldDefinition("name", BuiltInScalars.String) } };
        var book = new ObjectType("Book") { Fields = { new FieldDefinition("author", author), new FieldDefinition("at", DateTimeScalar.Type) } };
        var query = new ObjectType("Query") { Fields = { new FieldDefinition("book", book) } };
        var printed = SchemaPrinter.Print(new Schema(query));
        Assert.Equal(""""
            type Query {
              book: Book
            }

            type Book {
              author: Author
              at: DateTime
            }

            type Author {
              name: String
            }

            """
            An instant in time, as an RFC 3339 date-time string with an offset, such as `2025-03-01T09:30:00Z`.
            """
            scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/chillicream/date-time.html")
            """", printed);
    }
}
