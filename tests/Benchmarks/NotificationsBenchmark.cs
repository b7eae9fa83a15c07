using System.Diagnostics;
using System.Net.Sockets;
using Cases.Domain;
using Cases.GraphQL.Notifications;
using Cases.Handlers;
using Cases.Notifications;
using Cases.Sla;
using Cases.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Cases.Benchmarks;

/// <summary>
/// scripts/bench notifications: submissions per second (with a reporter who agreed to e-mail) with notifications
/// on against off, at 8 concurrent writers on the same database in the same run; and, with them on, the time from
/// the command's commit (the receipt event's timestamp) to the SMTP server's acceptance (the delivery record's
/// `sent`), p50 and p99. The SMTP server is smtp4dev from .tools (scripts/test installs it).
/// </summary>
public static class NotificationsBenchmark
{
    const int Writers = 8;
    static readonly bool Nice = Environment.GetEnvironmentVariable("CASES_BENCH_SMTP_NICE") != "0";
    static readonly TimeSpan Duration = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SECONDS") ?? "10"));

    public static async Task RunAsync(BenchReport report)
    {
        using var smtp = StartSmtp4dev(out var smtpPort);
        var db = new EventStoreDatabase();
        await db.InitializeAsync();
        try
        {
            // Rounds alternate off and on (CASES_BENCH_ROUNDS, 3), so whatever else the machine does weighs on both
            // sides alike; after each "on" round its queue is drained, so no "off" round pays for the sending before it.
            var rounds = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_ROUNDS") ?? "3");
            var (offs, ons) = (new List<double>(), new List<double>());
            for (var round = 1; round <= rounds; round++)
            {
                using (var host = await Start(db, smtpPort, enabled: false))
                {
                    offs.Add(await Submissions(host, $"off{round}"));
                    await host.StopAsync();
                }
                using (var host = await Start(db, smtpPort, enabled: true))
                {
                    ons.Add(await Submissions(host, $"on{round}"));
                    var deadline = DateTime.UtcNow.AddSeconds(300);
                    // A receipt goes at once; wait for every one to be sent before the next round and the latencies.
                    while ((await Queued(db) > 0 || await db.ScalarAsync<long>("select count(*) from cases.notification_deliveries where status = 'sending'") > 0)
                           && DateTime.UtcNow < deadline)
                        await Task.Delay(200);
                    await host.StopAsync();
                }
                Console.WriteLine($"notifications: round {round}: off {offs[^1]:F0}, on {ons[^1]:F0} commands/s");
            }
            var (off, on) = (offs.Average(), ons.Average());
            var latencies = await LatenciesMs(db);
            var sent = latencies.Count;
            // How fast the queue sends, writers or not: receipts accepted per second from the first to the last.
            var drain = await db.ScalarAsync<double>("""
                select coalesce(count(*) / nullif(extract(epoch from max(updated_at) - min(updated_at))::float8, 0), 0)
                from cases.notification_deliveries where status = 'sent' and recipient = 'reporter'
                """);
            report.Table("notifications: submissions/s with e-mail notifications on vs off, and commit to SMTP acceptance",
                ["writers", "off (commands/s)", "on (commands/s)", "on/off", "receipts sent", "sent/s", "commit→SMTP p50 ms", "p99 ms"],
                [[Writers.ToString(), $"{off:F0} ({string.Join(", ", offs.Select(x => x.ToString("F0")))})", $"{on:F0} ({string.Join(", ", ons.Select(x => x.ToString("F0")))})", $"{on / off:F2}", sent.ToString(), $"{drain:F0}", $"{Percentile(latencies, 0.50):F0}", $"{Percentile(latencies, 0.99):F0}"]],
                $"{rounds} rounds, alternating; each side of a round is a {Duration.TotalSeconds:F0} s run of submitCase (a reporter with an e-mail address and EMAIL consent) through Wolverine's " +
                "InvokeAsync on the same database; 'on' also plans the receipt in the command's transaction (the outbox) and sends it from the durable " +
                "queue through MailKit to smtp4dev on 127.0.0.1" + (Nice ? " (at idle CPU priority, as a mail server elsewhere)" : "") + ". The columns give the mean and each round. sent/s: receipts accepted per second from the first to the last (the queue's pace). Latency: the case_received event's timestamp to the delivery record's 'sent' (after the " +
                "server's 250), both PostgreSQL's clock.");
        }
        finally
        {
            await db.DisposeAsync();
            smtp.Kill(entireProcessTree: true);
        }
    }

    static Task<long> Queued(TestDatabase db) => db.ScalarAsync<long>("""
        select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Incoming' and message_type like '%NotifyReporter%'
        """);

    static async Task<List<double>> LatenciesMs(TestDatabase db)
    {
        var list = new List<double>();
        await using var cmd = db.DataSource.CreateCommand("""
            select extract(epoch from d.updated_at - e.timestamp) * 1000
            from cases.notification_deliveries d join cases.mt_events e on e.stream_id = d.case_id and e.version = 1
            where d.status = 'sent' and d.recipient = 'reporter'
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add((double)r.GetDecimal(0));
        list.Sort();
        return list;
    }

    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    static async Task<double> Submissions(IHost host, string tag)
    {
        var commands = host.Services.GetRequiredService<CaseCommands>();
        var done = 0L;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var n = 0;
            while (stopwatch.Elapsed < Duration)
            {
                n++;
                var reporter = new ReporterContact("Bench", null, $"bench.{tag}.{w}.{n}@example.vn", null)
                {
                    Consent = new NotificationConsent([NotificationChannel.Email], NotificationLanguage.Vi),
                };
                var outcome = await commands.SubmitAsync(
                    new CaseSubmission(CaseKind.FieldReport, Channel.Web, "sanitation_environment", "Rác tồn đọng", new GeoPoint(16.466, 107.596), "Thuận Hóa", [], reporter),
                    new CommandEnvelope(new Actor("bench", Role.Public), "bench"));
                if (outcome is not CommandOutcome.Done) throw new InvalidOperationException(outcome.ToString());
                Interlocked.Increment(ref done);
            }
        })));
        return done / stopwatch.Elapsed.TotalSeconds;
    }

    static async Task<IHost> Start(TestDatabase db, int smtpPort, bool enabled)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Enabled"] = enabled.ToString(), ["Notifications:CoalesceSeconds"] = "0",
        });
        builder.Services.AddSingleton(db.DataSource);
        builder.Services.AddSingleton<Serilog.ILogger>(Serilog.Core.Logger.None);
        builder.Services.AddSingleton<INotificationChannel>(new EmailChannel(
            new SmtpSettings("127.0.0.1", smtpPort, "bench@ioc.test", null, null, MailKit.Security.SecureSocketOptions.None, TimeSpan.FromSeconds(15))));
        builder.AddCasesWriteSide(SystemClock.Instance, daemon: false);
        builder.Services.AddSingleton<ISlaRules>(SlaRules.LoadEmbedded());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    static Process StartSmtp4dev(out int port)
    {
        var tool = Path.Combine(Environment.CurrentDirectory, ".tools", "smtp4dev", "smtp4dev");
        if (!File.Exists(tool)) throw new InvalidOperationException("smtp4dev is missing: dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path .tools/smtp4dev");
        port = FreePort();
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--db=", $"--smtpport={port}", "--imapport=", "--pop3port=", $"--urls=http://127.0.0.1:{FreePort()}", "--bindaddress=127.0.0.1",
                     "--disableipv6", "--tlsmode=None", "--messagestokeep=100", "--baseappdatapath=" + Directory.CreateTempSubdirectory("bench-smtp4dev-").FullName })
            start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        // The province's mail server is another machine: smtp4dev (itself a .NET server with a database) only takes the
        // CPU the node leaves idle, so on a small machine the ratio measures what notifications cost the node rather than
        // smtp4dev's own work. CASES_BENCH_SMTP_NICE=0 lets it compete.
        if (Nice) p.PriorityClass = ProcessPriorityClass.Idle;
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try { using var tcp = new TcpClient(); tcp.Connect("127.0.0.1", port); return p; }
            catch (SocketException) when (DateTime.UtcNow < deadline) { Thread.Sleep(200); }
        }
    }

    static int FreePort()
    {
        var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
