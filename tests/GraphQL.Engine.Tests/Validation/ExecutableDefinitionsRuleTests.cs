using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class ExecutableDefinitionsRuleTests
{
    [Fact]
    public void Operations_and_fragments_are_executable() =>
        ExpectValid(() => new ExecutableDefinitionsRule(), """
            query Foo { dog { name } }
            fragment Frag on Dog { name }
            """);

    [Fact]
    public void Type_and_schema_definitions_are_not_executable() =>
        ExpectErrors(() => new ExecutableDefinitionsRule(), """
            query Foo { dog { name } }
            type Cow { name: String }
            extend type Dog { color: String }
            schema { query: Foo }
            """,
            Error("The \"Cow\" definition is not executable.", (2, 1)),
            Error("The \"Dog\" definition is not executable.", (3, 1)),
            Error("The schema definition is not executable.", (4, 1)));
}
