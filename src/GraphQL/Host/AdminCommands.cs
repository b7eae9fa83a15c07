using System.CommandLine;
using Cases.Access;
using Cases.Domain;
using Cases.EventStore;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace Cases.GraphQL.Host;

/// <summary>The operator's verbs: API keys and audits (DESIGN 8). Errors exit non-zero with one clear line.</summary>
public static class AdminCommands
{
    static readonly DateTimeZone Hue = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public static Command Keys()
    {
        var keys = new Command("keys", "Create, list and revoke API keys for operators, agencies, auditors and admins.");

        var role = new Option<string>("--role") { Description = "operator | agency | auditor | admin | partner (a system submitting on citizens' behalf: Open311, GraphQL)", Required = true };
        var agency = new Option<string?>("--agency") { Description = "The agency id, for an agency key." };
        var name = new Option<string?>("--name") { Description = "Who the key is for." };
        var create = new Command("create", "Create a key; it is printed once and stored only as a hash.") { role, agency, name };
        create.SetAction((p, ct) => CliDatabase.RunAsync("keys create", async db =>
        {
            var (info, key) = await new ApiKeys(db, SystemClock.Instance).CreateAsync(
                ApiKeys.ParseRole(p.GetValue(role)!), p.GetValue(agency), p.GetValue(name) ?? p.GetValue(role)!, null, ct);
            Console.WriteLine($"id:    {info.Id}");
            Console.WriteLine($"role:  {ApiKeys.RoleName(info.Role)}{(info.AgencyId is null ? "" : $" of {info.AgencyId}")}");
            Console.WriteLine($"key:   {key}");
            Console.WriteLine("Send it as 'Authorization: Bearer <key>'. It is not shown again.");
            return 0;
        }));

        var list = new Command("list", "List keys (never the keys themselves).");
        list.SetAction((_, ct) => CliDatabase.RunAsync("keys list", async db =>
        {
            foreach (var k in await new ApiKeys(db, SystemClock.Instance).ListAsync(ct))
                Console.WriteLine($"{k.Id}  {ApiKeys.RoleName(k.Role),-8} {k.AgencyId ?? "-",-12} {(k.RevokedAt is null ? "active " : "revoked")}  {k.Name}");
            return 0;
        }));

        var id = new Argument<Guid>("id") { Description = "The key's id (from 'keys list')." };
        var revoke = new Command("revoke", "Revoke a key at once.") { id };
        revoke.SetAction((p, ct) => CliDatabase.RunAsync("keys revoke", async db =>
        {
            if (await new ApiKeys(db, SystemClock.Instance).RevokeAsync(p.GetValue(id), ct)) { Console.WriteLine("revoked"); return 0; }
            Console.Error.WriteLine("keys revoke: no active key with that id");
            return 1;
        }));

        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    /// <summary>
    /// The salt of the pseudonymous client ids (issue 26). Rotating it is a privacy operation: ids recorded after
    /// it cannot be linked to the same address's ids before it. Nodes pick it up within a minute.
    /// </summary>
    public static Command Clients()
    {
        var clients = new Command("clients", "The salt of the pseudonymous client ids (rate limits, event headers).");
        var status = new Command("status", "Say where the salt comes from and when it was drawn.");
        status.SetAction((_, ct) => CliDatabase.RunAsync("clients status", async db =>
        {
            var since = await ClientIds.StoredSinceAsync(db, ct);
            Console.WriteLine(since is { } at ? $"stored salt drawn {at:yyyy-MM-dd HH:mm:ss} UTC" : "no stored salt yet: the first node that serves a request draws it");
            Console.WriteLine("IpHashSalt in a node's configuration, where set, overrides the stored salt on that node.");
            return 0;
        }));
        var rotate = new Command("rotate-salt", "Draw a new salt; every node uses it within a minute, and client ids change.");
        rotate.SetAction((_, ct) => CliDatabase.RunAsync("clients rotate-salt", async db =>
        {
            await ClientIds.RotateAsync(db, ct);
            Console.WriteLine($"clients rotate-salt: a new salt is stored; nodes use it within {ClientIds.Refresh.TotalSeconds:0} s (those with IpHashSalt configured keep theirs)");
            return 0;
        }));
        clients.Subcommands.Add(status);
        clients.Subcommands.Add(rotate);
        return clients;
    }

    public static Command Audit()
    {
        var audit = new Command("audit", "Replay a case's history and verify the hash chain.");

        var code = new Argument<string>("tracking-code");
        var asOf = new Option<string?>("--as-of") { Description = "An ISO-8601 instant, e.g. 2026-03-02T09:00:00+07:00." };
        var replay = new Command("replay", "Print a case's events one by one with who did what, and its state after each.") { code, asOf };
        replay.SetAction((p, ct) => CliDatabase.RunAsync("audit replay", async db =>
        {
            Instant? until = null;
            if (p.GetValue(asOf) is { } text)
            {
                var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
                if (!parsed.Success) { Console.Error.WriteLine($"audit replay: --as-of '{text}' is not an ISO-8601 instant with offset"); return 2; }
                until = parsed.Value.ToInstant();
            }
            await using var marten = EventStore.CasesStore.For(db);
            var store = new CaseEventStore(marten);
            if (await store.FindByTrackingCodeAsync(p.GetValue(code)!, ct) is not { } caseId)
            {
                Console.Error.WriteLine($"audit replay: no case {p.GetValue(code)}");
                return 1;
            }
            var state = CaseState.Initial(caseId);
            foreach (var e in await store.ReadStreamAsync(caseId, asOf: until, ct: ct))
            {
                state = CaseState.Evolve(state, e.Event);
                var m = e.Metadata;
                Console.WriteLine($"v{e.Version,-3} {e.OccurredAt.InZone(Hue):yyyy-MM-dd HH:mm:ss} {e.Type,-28} by {m.ActorRole.ToString().ToLowerInvariant()} {m.ActorId}{(m.ActorAgency is null ? "" : $" ({m.ActorAgency})")} via {m.Command}  -> {CaseDecider.StatusName(state.Status)}");
            }
            var chain = await new ChainVerifier(db).VerifyStreamAsync(caseId, ct);
            Console.WriteLine(chain.Valid ? $"chain: valid ({chain.EventsChecked} events)" : $"chain: BROKEN at version {chain.Breaks[0].Version}: {chain.Breaks[0].Reason}");
            return chain.Valid ? 0 : 3;
        }));

        var verify = new Command("verify", "Verify the hash chain of every case (or of one).") { new Argument<string?>("tracking-code") { Arity = ArgumentArity.ZeroOrOne } };
        var all = new Option<bool>("--all") { Description = "Every case in the store (the default when no code is given)." };
        verify.Options.Add(all);
        var file = new Option<string?>("--file") { Description = "A history exported from the console (audit { export }): checked offline, no database." };
        verify.Options.Add(file);
        verify.SetAction((p, ct) => p.GetValue(file) is { } path ? VerifyFileAsync(path) : CliDatabase.RunAsync("audit verify", async db =>
        {
            var given = p.GetValue<string?>("tracking-code");
            var verifier = new ChainVerifier(db);
            ChainReport report;
            if (given is null || p.GetValue(all)) report = await verifier.VerifyAllAsync(ct);
            else
            {
                await using var marten = EventStore.CasesStore.For(db);
                if (await new CaseEventStore(marten).FindByTrackingCodeAsync(given, ct) is not { } caseId) { Console.Error.WriteLine($"audit verify: no case {given}"); return 1; }
                report = await verifier.VerifyStreamAsync(caseId, ct);
            }
            foreach (var b in report.Breaks) Console.WriteLine($"BROKEN stream {b.StreamId} version {b.Version} (seq {b.Seq}): {b.Reason}");
            Console.WriteLine($"{report.StreamsChecked} streams, {report.EventsChecked} events checked: {(report.Valid ? "valid" : $"{report.Breaks.Count} broken")}");
            return report.Valid ? 0 : 3;
        }));

        audit.Subcommands.Add(replay);
        audit.Subcommands.Add(verify);
        return audit;
    }

    /// <summary><c>audit verify --file F</c>: the chain of an exported history recomputed from the file alone.</summary>
    static async Task<int> VerifyFileAsync(string path)
    {
        ChainReport report;
        try { report = ChainExport.Verify(await File.ReadAllTextAsync(path)); }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException or NullReferenceException or ArgumentException)
        {
            Console.Error.WriteLine($"audit verify: {path} is not a readable exported history: {e.Message}");
            return 2;
        }
        foreach (var b in report.Breaks) Console.WriteLine($"BROKEN stream {b.StreamId} version {b.Version} (seq {b.Seq}): {b.Reason}");
        Console.WriteLine($"{path}: {report.EventsChecked} events checked: {(report.Valid ? "valid" : $"{report.Breaks.Count} broken")}");
        return report.Valid ? 0 : 3;
    }
}
