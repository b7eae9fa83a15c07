using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Tests.Types;

public class SchemaValidationTests
{
    private static IEnumerable<string> Problems(string sdl) => SchemaBuilder.FromSdl(sdl).Validate().Select(e => e.Message);

    [Fact]
    public void A_well_formed_schema_has_no_problems() =>
        Assert.Empty(Problems("interface Node { id: ID! } type Query implements Node { id: ID! node(id: ID!): Node }"));

    [Fact]
    public void A_missing_query_type_is_reported() =>
        Assert.Contains("Query root type must be provided.", Problems("type Foo { a: Int }"));

    [Fact]
    public void An_incomplete_interface_implementation_is_reported() =>
        Assert.Contains("Interface field Node.id expected but Query does not provide it.",
            Problems("interface Node { id: ID! } type Query implements Node { name: String }"));

    [Fact]
    public void A_wrong_field_type_for_an_interface_is_reported() =>
        Assert.Contains("Interface field Node.id expects type ID! but Query.id is type String.",
            Problems("interface Node { id: ID! } type Query implements Node { id: String }"));

    [Fact]
    public void Reserved_names_and_oneOf_rules_are_checked()
    {
        var problems = Problems("type Query { __bad: Int a(p: P): Int } input P @oneOf { x: Int! y: Int = 1 }").ToList();
        Assert.Contains("Name \"__bad\" must not begin with \"__\", which is reserved by GraphQL introspection.", problems);
        Assert.Contains("OneOf input field P.x must be nullable.", problems);
        Assert.Contains("OneOf input field P.y cannot have a default value.", problems);
    }

    [Fact]
    public void An_input_object_that_cannot_have_a_finite_value_is_reported() =>
        Assert.Contains("Input Object A cannot be provided a finite value because it references itself through fields: A.b, B.a.",
            Problems("type Query { f(a: A): Int } input A { b: B! } input B { a: A! }"));

    [Fact]
    public void Two_types_with_one_name_are_reported()
    {
        var query = new ObjectType("Query") { Fields = { new FieldDefinition("a", new ObjectType("T") { Fields = { new FieldDefinition("x", BuiltInScalars.Int) } }) } };
        var other = new ObjectType("T") { Fields = { new FieldDefinition("y", BuiltInScalars.Int) } };
        Assert.Contains("Schema must contain uniquely named types but contains multiple types named \"T\".",
            new Schema(query, types: [other]).Validate().Select(e => e.Message));
    }
}
