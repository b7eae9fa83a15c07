using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Validation;

namespace Cases.GraphQL.Engine.Tests.Validation;

/// <summary>graphql-js's validation test harness: one shared schema and two helpers.</summary>
public static class ValidationHarness
{
    public static readonly Schema TestSchema = SchemaBuilder.FromSdl("""
        interface Mammal {
          mother: Mammal
          father: Mammal
        }

        interface Pet {
          name(surname: Boolean): String
        }

        interface Canine implements Mammal {
          name(surname: Boolean): String
          mother: Canine
          father: Canine
        }

        enum DogCommand {
          SIT
          HEEL
          DOWN
        }

        type Dog implements Pet & Mammal & Canine {
          name(surname: Boolean): String
          nickname: String
          barkVolume: Int
          barks: Boolean
          doesKnowCommand(dogCommand: DogCommand): Boolean
          isHouseTrained(atOtherHomes: Boolean = true): Boolean
          isAtLocation(x: Int, y: Int): Boolean
          mother: Dog
          father: Dog
        }

        type Cat implements Pet {
          name(surname: Boolean): String
          nickname: String
          meows: Boolean
          meowsVolume: Int
          furColor: FurColor
        }

        union CatOrDog = Cat | Dog

        type Human {
          name(surname: Boolean): String
          pets: [Pet]
          relatives: [Human]!
        }

        enum FurColor {
          BROWN
          BLACK
          TAN
          SPOTTED
          NO_FUR
          UNKNOWN
        }

        input ComplexInput {
          requiredField: Boolean!
          nonNullField: Boolean! = false
          intField: Int
          stringField: String
          booleanField: Boolean
          stringListField: [String]
        }

        input OneOfInput @oneOf {
          stringField: String
          intField: Int
        }

        type ComplicatedArgs {
          intArgField(intArg: Int): String
          nonNullIntArgField(nonNullIntArg: Int!): String
          stringArgField(stringArg: String): String
          booleanArgField(booleanArg: Boolean): String
          enumArgField(enumArg: FurColor): String
          floatArgField(floatArg: Float): String
          idArgField(idArg: ID): String
          stringListArgField(stringListArg: [String]): String
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          complexArgField(complexArg: ComplexInput): String
          oneOfArgField(oneOfArg: OneOfInput): String
          multipleReqs(req1: Int!, req2: Int!): String
          nonNullFieldWithDefault(arg: Int! = 0): String
          multipleOpts(opt1: Int = 0, opt2: Int = 0): String
          multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
        }

        type QueryRoot {
          human(id: ID): Human
          dog: Dog
          cat: Cat
          pet: Pet
          catOrDog: CatOrDog
          complicatedArgs: ComplicatedArgs
        }

        schema {
          query: QueryRoot
        }

        directive @onField on FIELD
        """);

    public static IReadOnlyList<GraphQLError> Run(Func<ValidationRule> rule, string query, Schema? schema = null) =>
        DocumentValidator.Validate(schema ?? TestSchema, Parser.Parse(query), [rule]);

    public static void ExpectValid(Func<ValidationRule> rule, string query, Schema? schema = null) =>
        Assert.Empty(Run(rule, query, schema).Select(Describe));

    public static void ExpectErrors(Func<ValidationRule> rule, string query, params (string Message, (int Line, int Column)[] Locations)[] expected) =>
        ExpectErrorsWithSchema(TestSchema, rule, query, expected);

    public static void ExpectErrorsWithSchema(Schema schema, Func<ValidationRule> rule, string query, params (string Message, (int Line, int Column)[] Locations)[] expected) =>
        Assert.Equal(
            expected.Select(e => e.Message + " @ " + string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))).ToList(),
            Run(rule, query, schema).Select(Describe).ToList());

    private static string Describe(GraphQLError e) =>
        e.Message + " @ " + string.Join(" ", (e.Locations ?? []).Select(l => $"{l.Line}:{l.Column}"));

    public static (string, (int, int)[]) Error(string message, params (int, int)[] locations) => (message, locations);
}
