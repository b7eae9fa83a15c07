using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Conformance.Server;

public static partial class SampleSchema
{
    /// <summary>The mutation root. Nothing is stored: each field returns what it would have stored, so runs repeat.</summary>
    private static ObjectType Mutation(SampleTypes t, LibraryData data)
    {
        var mutation = new ObjectType("Mutation") { Description = "The root of every write. Writes are not kept: each returns what it would have stored." };
        foreach (var field in new[]
        {
            new FieldDefinition("addBook", NonNull(t.Book))
            {
                Arguments = { new InputValueDefinition("input", NonNull(t.AddBookInput)) },
                Resolve = Sync(ctx =>
                {
                    var input = Record(ctx.Arguments["input"]);
                    return new Dictionary<string, object?>
                    {
                        ["__typename"] = "Book",
                        ["id"] = "b-new",
                        ["title"] = input["title"],
                        ["addedOn"] = input.GetValueOrDefault("published") ?? "2026-01-15",
                        ["isbn"] = null,
                        ["pages"] = input["pages"],
                        ["genre"] = input["genre"],
                        ["rating"] = null,
                        ["tags"] = input.GetValueOrDefault("tags"),
                        ["authorIds"] = input["authorIds"],
                        ["chapters"] = null,
                    };
                }),
            },
            new FieldDefinition("borrow", t.Loan)
            {
                Arguments =
                {
                    new InputValueDefinition("key", NonNull(t.ItemKey)),
                    new InputValueDefinition("period", DurationScalar.Type) { DefaultValue = TimeSpan.FromDays(14) },
                },
                Resolve = Sync(ctx => FindItem(data, Record(ctx.Arguments["key"])) is { } item
                    ? new Dictionary<string, object?> { ["item"] = item, ["period"] = ctx.Arguments.GetValueOrDefault("period"), ["startedAt"] = data.LoanStartedAt }
                    : null),
            },
            new FieldDefinition("increment", NonNull(Int))
            {
                Description = "Returns 1, 2, 3, ... within one request: mutation fields run one after another.",
                Resolve = Sync(ctx => ((RequestContext)ctx.Context!).Increment()),
            },
            new FieldDefinition("failMutation", Boolean) { Resolve = _ => throw Coded("Mutation refused.", "DELIBERATE_FAILURE") },
        }) mutation.Fields.Add(field);
        return mutation;
    }
}
