
namespace Cases.GraphQL.Tests.Host;

/// <summary>The executable's verbs: a mistake is an error that lists the verbs (exit 2), never a server started by accident.</summary>
public sealed class CliTests(HostDatabase db) : IClassFixture<HostDatabase>
{
    // A server started by mistake would never exit: the run is bounded, and killed if it runs.
    async Task<(int Exit, string Err)> Cli(params string[] args)
    {
        var (exit, _, err) = await HostExecutable.RunAsync(db.ConnectionString, args, seconds: 60);
        return (exit, err);
    }

    [Theory]
    [InlineData("projectoins", "status")]
    [InlineData("projections", "status", "--bogus")]
    [InlineData("keys", "frobnicate")]
    public async Task A_mistyped_verb_or_option_exits_2_with_the_verbs_listed_and_starts_nothing(params string[] args)
    {
        var (exit, err) = await Cli(args);
        Assert.Equal(2, exit);
        Assert.Contains("Verbs: serve, migrate, keys", err);
        Assert.Contains("projections", err);
        // Nothing joined the cluster: Wolverine never started against this database (it creates its tables as it starts).
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from information_schema.tables where table_schema = 'wolverine'"));
    }
}
