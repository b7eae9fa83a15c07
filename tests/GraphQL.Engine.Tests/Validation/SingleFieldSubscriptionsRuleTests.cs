using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class SingleFieldSubscriptionsRuleTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Message { body: String }
        type Query { a: String }
        type Subscription { importantEmails: [String] notImportantEmails: [String] moreImportantEmails: [String] }
        """);

    [Fact]
    public void One_root_field_is_valid() =>
        ExpectValid(() => new SingleFieldSubscriptionsRule(), "subscription ImportantEmails { importantEmails }", Schema);

    [Fact]
    public void More_than_one_root_field_is_reported_at_the_extra_fields() =>
        ExpectErrorsWithSchema(Schema, () => new SingleFieldSubscriptionsRule(),
            "subscription ImportantEmails { importantEmails notImportantEmails }",
            Error("Subscription \"ImportantEmails\" must select only one top level field.", (1, 48)));

    [Fact]
    public void An_introspection_root_field_is_reported() =>
        ExpectErrorsWithSchema(Schema, () => new SingleFieldSubscriptionsRule(), "subscription { __typename }",
            Error("Anonymous Subscription must not select an introspection top level field.", (1, 16)));

    [Fact]
    public void Skip_at_the_top_level_is_reported() =>
        ExpectErrorsWithSchema(Schema, () => new SingleFieldSubscriptionsRule(), "subscription S { importantEmails @skip(if: false) }",
            Error("Subscription \"S\" must not use `@skip` or `@include` directives in the top level selection.", (1, 34)));
}
