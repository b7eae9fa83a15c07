using Cases.Domain;
using Cases.Handlers;
using Cases.Places;
using Cases.Sla;
using Npgsql;
using NodaTime;

namespace Cases.GraphQL.AdminMap;

/// <summary>
/// The administration as dated data (issue 24), shared by the CLI (<c>admin-map</c>) and the admin mutation: which
/// map versions are known and in force and what in them is provisional; importing a version; and the
/// reorganisation that moves every case held by an agency a version ended to its successor, one
/// <c>agency_succeeded</c> event per case, clocks untouched.
/// </summary>
public sealed class AdminMapAdmin(SlaRulesSource rules, CaseCommands commands, NpgsqlDataSource db, IClock clock, Serilog.ILogger log)
{
    LocalDate Today => clock.GetCurrentInstant().InZone(WorkingCalendar.Zone).Date;

    public async Task<AdminMapReport> StatusAsync(CancellationToken ct = default)
    {
        await rules.RefreshPlacesAsync(db, ct);
        var maps = rules.Places;
        var inForce = maps.InForce(Today);
        var imported = new HashSet<string>(StringComparer.Ordinal);
        await using (var cmd = db.CreateCommand("select version from cases.admin_maps"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) imported.Add(r.GetString(0));
        var versions = maps.Versions.Select(v => new AdminMapVersionRow(v, v == inForce, v.Effective > Today, imported.Contains(v.Version))).ToList();
        return new AdminMapReport(versions, inForce);
    }

    /// <summary>
    /// Validates and stores a map file as a new version; when it is already in force, the cases of the agencies it
    /// ends move to their successors at once (<see cref="ReorganiseAsync"/>). A refused file changes nothing.
    /// </summary>
    /// <exception cref="MapDataException">Refused, with the file, the line and the reason.</exception>
    public async Task<(MapVersion Version, ReorganisationSummary? Moved)> ImportAsync(string fileName, string content, Actor by, string correlationId, CancellationToken ct = default)
    {
        var version = await rules.ImportMapAsync(db, fileName, content, by.Id, ct);
        log.ForContext("CorrelationId", correlationId).Information(
            "Administrative map {MapVersion} (effective {Effective}) imported from {FileName} by {ActorId}", version.Version, version.Effective, fileName, by.Id);
        if (version.Effective > Today) return (version, null);
        await MapLibrary.SyncAgenciesAsync(db, rules.Places, Today, ct);
        return (version, await ReorganiseAsync(by, correlationId, ct));
    }

    /// <summary>
    /// Every case still held (lead or supporting) by an agency that a version in force ended goes to that agency's
    /// successor today, one event each; a case not with it any more appends nothing, a closed one is refused and
    /// counted. Idempotent per version, agency and case: a run that stopped half-way can be run again.
    /// </summary>
    public async Task<ReorganisationSummary> ReorganiseAsync(Actor by, string correlationId, CancellationToken ct = default)
    {
        await rules.RefreshPlacesAsync(db, ct);
        var maps = rules.Places;
        var today = Today;
        var ended = maps.Versions.Where(v => v.Effective <= today)
            .SelectMany(v => maps.EndedAgencies(v).Select(e => (Version: v, e.Ended, Successor: maps.AgencyNow(e.Ended.Id, today))))
            .ToList();
        if (ended.Count == 0) return new ReorganisationSummary([], 0, 0, 0, []);
        await MapLibrary.SyncAgenciesAsync(db, maps, today, ct);
        await CaughtUpAsync(ct); // a case assigned a moment ago is in the queue read model before it is listed

        var byAgency = ended.GroupBy(e => e.Ended.Id).ToDictionary(g => g.Key, g => g.Last());
        var moved = new List<AgencyMove>();
        var (changed, unchanged, refused) = (0, 0, 0);
        foreach (var (id, e) in byAgency)
        {
            var cases = new List<Guid>();
            await using (var cmd = db.CreateCommand("""
                select case_id from projections.agency_queues where agency = $1 or $1 = any(supporting_agencies) order by case_id
                """))
            {
                cmd.Parameters.AddWithValue(id);
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) cases.Add(r.GetGuid(0));
            }
            var basis = string.Join("; ", e.Version.Basis.Select(b => $"{b.Document} ({b.Date:yyyy-MM-dd})"));
            var movedHere = 0;
            foreach (var caseId in cases)
            {
                var env = new CommandEnvelope(by, correlationId, IdempotencyKey: $"reorganise:{e.Version.Version}:{id}:{caseId}");
                switch (await commands.HandleAsync(caseId, new CaseCommand.SucceedAgency(id, e.Successor, e.Version.Version, basis), env, ct))
                {
                    case CommandOutcome.Done { NewEvents.Count: > 0, Replayed: false }: changed++; movedHere++; break;
                    case CommandOutcome.Done: unchanged++; break;
                    default: refused++; break;
                }
            }
            if (movedHere > 0 || cases.Count > 0) moved.Add(new AgencyMove(id, e.Ended.Name, e.Successor, movedHere, e.Version.Version));
        }

        // Staff keys and accounts of the ended agencies: listed for the admin to move, not moved (a person's access is
        // a decision, not a consequence of a map).
        var staff = new List<StaffToMove>();
        await using (var cmd = db.CreateCommand("""
            select 'account', login, name, agency_id from cases.staff_users where agency_id = any($1) and disabled_at is null
            union all
            select 'api_key', id::text, name, agency_id from cases.api_keys where agency_id = any($1) and revoked_at is null
            order by 4, 1, 2
            """))
        {
            cmd.Parameters.AddWithValue(byAgency.Keys.ToArray());
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                staff.Add(new StaffToMove(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), byAgency[r.GetString(3)].Successor));
        }
        log.ForContext("CorrelationId", correlationId).Information(
            "Reorganisation: {Changed} cases moved to successor agencies, {Unchanged} already there, {Refused} closed; {Staff} staff keys or accounts to move",
            changed, unchanged, refused, staff.Count);
        return new ReorganisationSummary(moved, changed, unchanged, refused, staff);
    }

    /// <summary>Waits (up to 30 s) for the agency queues to reach the last event committed now.</summary>
    async Task CaughtUpAsync(CancellationToken ct)
    {
        const string Sql = """
            select coalesce((select max(seq_id) from cases.mt_events), 0)
                 - coalesce((select last_seq_id from cases.mt_event_progression where name = 'agency_queues:All'), 0)
            """;
        for (var i = 0; i < 300; i++)
        {
            await using var cmd = db.CreateCommand(Sql);
            if ((long)(await cmd.ExecuteScalarAsync(ct))! <= 0) return;
            await Task.Delay(100, ct);
        }
        log.Warning("Reorganisation: the agency queues had not caught up after 30 s; cases assigned in the last moments may need another run");
    }
}

public sealed record AdminMapVersionRow(MapVersion Version, bool InForce, bool Future, bool Imported);
public sealed record AdminMapReport(IReadOnlyList<AdminMapVersionRow> Versions, MapVersion InForce);
public sealed record AgencyMove(string FromAgency, string FromName, string ToAgency, int Cases, string MapVersion);
public sealed record StaffToMove(string Kind, string Id, string Name, string Agency, string Successor);
public sealed record ReorganisationSummary(IReadOnlyList<AgencyMove> Moves, int Changed, int Unchanged, int Refused, IReadOnlyList<StaffToMove> Staff);
