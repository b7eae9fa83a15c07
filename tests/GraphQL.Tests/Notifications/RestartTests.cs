using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Cases.GraphQL.Tests.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>
/// A node killed (SIGKILL) after the command committed and before its message was sent: the message waits in
/// Wolverine's durable inbox, owned by the dead node; another node recovers it and the reporter gets it once.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    readonly HostDatabase db = new();
    Smtp4dev smtp = null!;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        smtp = await Smtp4dev.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await smtp.DisposeAsync();
        await db.DisposeAsync();
    }

    [Fact]
    public async Task A_message_committed_but_not_sent_when_its_node_died_is_sent_once_after_restart()
    {
        // Node A's mail server takes the connection and never answers: A is stuck in the middle of sending.
        var blackhole = new TcpListener(IPAddress.Loopback, 0);
        blackhole.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () => { while (true) held.Add(await blackhole.AcceptTcpClientAsync()); });
        var port = Smtp4dev.FreePort();
        using var node = StartNode(port, ((IPEndPoint)blackhole.LocalEndpoint).Port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Until(async () => { try { return (await http.GetAsync("/health/ready")).IsSuccessStatusCode; } catch (HttpRequestException) { return false; } }, "node A ready");
            var submitted = await http.PostAsJsonAsync("/graphql", new
            {
                query = "mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode } }",
                variables = new
                {
                    input = new
                    {
                        kind = "FIELD_REPORT", category = "sanitation_environment", description = "Cây đổ chắn đường", ward = "Thuận Hóa", location = new { latitude = 16.4660, longitude = 107.5960 },
                        reporter = new { email = "restart@example.vn" }, notify = new[] { "EMAIL" },
                    },
                },
            });
            Assert.Contains("trackingCode", await submitted.Content.ReadAsStringAsync());
            // Committed, and A has taken the message and begun to send it: now it dies.
            await Until(async () => await db.ScalarAsync<long>("select count(*) from cases.notification_deliveries where status = 'sending'") == 1, "A sending");
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!node.HasExited) node.Kill(entireProcessTree: true);
            blackhole.Stop();
            foreach (var c in held) c.Dispose();
        }
        Assert.Empty(await smtp.MessagesAsync());

        // Node B, on the same database with a working mail server, finds A dead and takes its messages over.
        await using var b = await CasesAppFactory.StartAsync(db.ConnectionString, builder =>
        {
            builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Notifications:Smtp:Port", smtp.SmtpPort.ToString());
            builder.UseSetting("Notifications:Smtp:Tls", "None");
            builder.UseSetting("Notifications:Digest:Enabled", "false");
            builder.ConfigureServices(s => s.ConfigureWolverine(o =>
            {
                o.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(2);
                o.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
                o.Durability.NodeReassignmentPollingTime = TimeSpan.FromSeconds(1);
                o.Durability.FirstNodeReassignmentExecution = TimeSpan.FromSeconds(1);
            }));
        });
        var mail = await smtp.WaitForAsync("restart@example.vn", 1, seconds: 120);
        await Until(async () => await db.ScalarAsync<long>("select count(*) from cases.notification_deliveries where status = 'sent'") == 1, "recorded sent");
        // Nothing is left to deliver (no envelope waiting or being handled, none due soon): a second send cannot come.
        await Until(async () => await db.ScalarAsync<long>("""
            select count(*) from wolverine.wolverine_incoming_envelopes
            where status = 'Incoming' or status = 'Scheduled' and execution_time < now() + interval '1 minute'
            """) == 0 && await db.ScalarAsync<long>("select count(*) from cases.notification_deliveries where status = 'sending'") == 0, "settled");
        Assert.Single(await smtp.MessagesAsync());
        Assert.Single(mail);
    }

    Process StartNode(int httpPort, int smtpPort)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Cases.GraphQL.Tests.Host.HostExecutable.Dll);
        start.ArgumentList.Add("serve");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["CASES_ConnectionStrings__Cases"] = db.ConnectionString;
        start.Environment["CASES_Notifications__Smtp__Host"] = "127.0.0.1";
        start.Environment["CASES_Notifications__Smtp__Port"] = smtpPort.ToString();
        start.Environment["CASES_Notifications__Smtp__Tls"] = "None";
        start.Environment["CASES_Notifications__Smtp__TimeoutSeconds"] = "600";
        start.Environment["CASES_Notifications__Digest__Enabled"] = "false";
        var p = Process.Start(start)!;
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        return p;
    }

    static async Task Until(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Not reached within {seconds} s: {what}");
            await Task.Delay(100);
        }
    }
}
