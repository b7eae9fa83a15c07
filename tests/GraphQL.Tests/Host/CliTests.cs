using System.Diagnostics;

namespace Cases.GraphQL.Tests.Host;

/// <summary>The executable's verbs: a mistake is an error that lists the verbs (exit 2), never a server started by accident.</summary>
public sealed class CliTests(HostDatabase db) : IClassFixture<HostDatabase>
{
    async Task<(int Exit, string Err)> Cli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cases.GraphQL.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CASES_ConnectionStrings__Cases"] = db.ConnectionString;
        using var process = Process.Start(start)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        // A server started by mistake would never exit: bounded, and killed if it runs.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new Xunit.Sdk.XunitException($"'{string.Join(' ', args)}' did not exit: a server started"); }
        await stdout;
        return (process.ExitCode, await stderr);
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
