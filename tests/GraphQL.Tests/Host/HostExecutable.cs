using System.Diagnostics;

namespace Cases.GraphQL.Tests.Host;

/// <summary>
/// The host executable as built beside the test assembly, run as an admin or an operator runs it. Every run is bounded:
/// a verb that never exits (a server started by mistake, a shutdown that hangs) fails its test with what it printed
/// and is killed with its children, instead of holding the whole suite.
/// </summary>
public static class HostExecutable
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Cases.GraphQL.dll");

    public static async Task<(int Exit, string Out, string Err)> RunAsync(string connectionString, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null, int seconds = 120)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CASES_ConnectionStrings__Cases"] = connectionString;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new Xunit.Sdk.XunitException($"'{string.Join(' ', start.ArgumentList.Skip(1))}' did not exit within {seconds} s. stdout: {await stdout} stderr: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
