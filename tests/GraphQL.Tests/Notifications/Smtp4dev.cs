using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>
/// A real SMTP server for the notification tests: smtp4dev (Rnwood.Smtp4dev 3.15.0, a .NET tool that scripts/test
/// installs into the git-ignored <c>.tools/smtp4dev</c>, and this class too when it is missing), on 127.0.0.1 with
/// an in-memory database, read back through its REST API (<c>/api/messages</c>). Recipients whose address contains
/// "refused" are refused with a 5xx, as a mail server refuses an unknown mailbox.
/// </summary>
public sealed class Smtp4dev : IAsyncDisposable
{
    const string Version = "3.15.0";
    static readonly SemaphoreSlim Install = new(1, 1);
    readonly Process process;
    readonly HttpClient api;

    Smtp4dev(Process process, int smtpPort, int webPort) =>
        (this.process, SmtpPort, api) = (process, smtpPort, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") });

    public int SmtpPort { get; }

    /// <summary>Starts a server; on <paramref name="smtpPort"/> when given (a restart on the port a client already knows).</summary>
    public static async Task<Smtp4dev> StartAsync(int? smtpPort = null)
    {
        var tool = Path.Combine(Root(), ".tools", "smtp4dev", "smtp4dev");
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(tool))
                await RunAsync("dotnet", "tool", "install", "Rnwood.Smtp4dev", "--version", Version, "--tool-path", Path.GetDirectoryName(tool)!);
        }
        finally { Install.Release(); }

        var (smtp, web) = (smtpPort ?? FreePort(), FreePort());
        var data = Directory.CreateTempSubdirectory("cases-smtp4dev-");
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = data.FullName };
        foreach (var a in new[] { "--db=", $"--smtpport={smtp}", "--imapport=", "--pop3port=", $"--urls=http://127.0.0.1:{web}",
                     "--bindaddress=127.0.0.1", "--disableipv6", "--baseappdatapath=" + data.FullName, "--messagestokeep=1000", "--tlsmode=None" })
            start.ArgumentList.Add(a);
        start.Environment["ServerOptions__RecipientValidationExpression"] = "!recipient.includes('refused')";
        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var server = new Smtp4dev(process, smtp, web);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"smtp4dev exited: {await errors}");
            try
            {
                using var ping = await server.api.GetAsync("/api/messages");
                if (ping.IsSuccessStatusCode && await SmtpAnswers(smtp)) return server;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException("smtp4dev did not answer within 60 s");
            await Task.Delay(200);
        }
    }

    static async Task<bool> SmtpAnswers(int port)
    {
        try
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException) { return false; }
    }

    /// <summary>Every message received so far (newest first, as smtp4dev lists them): id, to, subject.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        var page = await api.GetFromJsonAsync<JsonObject>("/api/messages?pageSize=1000");
        return [.. page!["results"]!.AsArray().Select(m => new ReceivedMail(
            m!["id"]!.GetValue<string>(),
            string.Join(",", m["to"]!.AsArray().Select(t => t!.GetValue<string>())),
            m["subject"]!.GetValue<string>()))];
    }

    /// <summary>Messages to <paramref name="to"/>, waiting (bounded) until at least <paramref name="count"/> have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string to, int count = 1, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var mine = (await MessagesAsync()).Where(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase)).Reverse().ToList();
            if (mine.Count >= count) return mine;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"{mine.Count} of {count} messages to {to} arrived within {seconds} s: {string.Join(" | ", mine.Select(m => m.Subject))}");
            await Task.Delay(100);
        }
    }

    /// <summary>The message as the server received it, parsed by MimeKit (headers unfolded, parts decoded).</summary>
    public async Task<MimeKit.MimeMessage> MimeAsync(string id)
    {
        await using var raw = await api.GetStreamAsync($"/api/messages/{id}/raw");
        var copy = new MemoryStream();
        await raw.CopyToAsync(copy);
        copy.Position = 0;
        return await MimeKit.MimeMessage.LoadAsync(copy);
    }

    /// <summary>The SMTP sessions (one per connection) the server has seen, as /api/sessions lists them.</summary>
    public async Task<JsonArray> SessionsAsync()
    {
        var page = (await api.GetFromJsonAsync<JsonNode>("/api/sessions?pageSize=1000"))!;
        return page as JsonArray ?? page["results"]!.AsArray();
    }

    /// <summary>The text part.</summary>
    public Task<string> TextAsync(string id) => api.GetStringAsync($"/api/messages/{id}/plaintext");

    public async ValueTask DisposeAsync()
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        process.Dispose();
        api.Dispose();
    }

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static string Root([CallerFilePath] string thisFile = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var (output, errors) = (p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync());
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {await output}{await errors}");
    }
}

public sealed record ReceivedMail(string Id, string To, string Subject);
