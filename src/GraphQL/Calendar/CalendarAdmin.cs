using Cases.Domain;
using Cases.Handlers;
using Cases.Sla;
using Npgsql;
using NodaTime;

namespace Cases.GraphQL.Calendar;

/// <summary>
/// The center's calendar work (issue: a year added without a release), shared by the CLI (<c>calendar</c>) and the
/// admin mutations: how far the calendar reaches, importing a yearly file as a new version, and re-measuring the
/// open cases' due times with it. Imports change only clocks started from then on; a recompute is explicit.
/// </summary>
public sealed class CalendarAdmin(SlaRulesSource rules, CaseCommands commands, NpgsqlDataSource db, IClock clock, Serilog.ILogger log)
{
    /// <summary>The coverage of the versions in force, with how many open cases' due times rest on assumed working days.</summary>
    /// <remarks>What this node has in force: it reloads imports on its own (CalendarRefresh), so this public query
    /// reads the database once, for the count, not the calendar on every request.</remarks>
    public async Task<CalendarReport> StatusAsync(CancellationToken ct = default)
    {
        var coverage = CalendarCoverage.Of(rules.Library, clock.GetCurrentInstant());
        // Every cycle still open whose verification or main due time was computed over a day without holiday data.
        await using var cmd = db.CreateCommand("""
            select count(*) filter (where verify_due_assumed or due_assumed), count(*)
            from projections.sla_facts where ended_at is null
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new CalendarReport(coverage, r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>Validates and stores a yearly file as the next version of its year; this node uses it at once.</summary>
    /// <exception cref="CalendarDataException">Refused, with the line and the reason; nothing changed.</exception>
    public async Task<CalendarYear> ImportAsync(string fileName, string content, Actor by, string correlationId, CancellationToken ct = default)
    {
        var year = await rules.ImportAsync(db, fileName, content, by.Id, ct);
        log.ForContext("CorrelationId", correlationId).Information(
            "Calendar {Version} imported from {FileName} by {ActorId}; calendar {CalendarVersion} in force for new clocks",
            year.Version, fileName, by.Id, rules.Current.CalendarVersion);
        return year;
    }

    /// <summary>
    /// Sends <see cref="CaseCommand.RecomputeDueTimes"/> to every case whose cycle is open in the statistics read
    /// model. Each case decides on its own state: one whose due times the new calendar does not move appends
    /// nothing, one that closed meanwhile is refused and counted. Idempotent per calendar version and case, so a
    /// run that stopped half-way can be run again.
    /// </summary>
    public async Task<RecomputeSummary> RecomputeAsync(string reason, Actor by, string correlationId, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A recompute needs a reason.", nameof(reason));
        await rules.RefreshAsync(db, ct);
        var version = rules.Current.CalendarVersion;
        var ids = new List<Guid>();
        await using (var cmd = db.CreateCommand("select distinct case_id from projections.sla_facts where ended_at is null"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));

        var (changed, unchanged, refused) = (0, 0, 0);
        foreach (var id in ids)
        {
            var env = new CommandEnvelope(by, correlationId, IdempotencyKey: $"recompute:{version}:{id}");
            switch (await commands.HandleAsync(id, new CaseCommand.RecomputeDueTimes(reason), env, ct))
            {
                case CommandOutcome.Done { NewEvents.Count: > 0, Replayed: false }: changed++; break;
                case CommandOutcome.Done: unchanged++; break;
                default: refused++; break;
            }
            progress?.Report(changed + unchanged + refused);
        }
        log.ForContext("CorrelationId", correlationId).Information(
            "Recomputed due times with calendar {CalendarVersion}: {Changed} cases changed, {Unchanged} unchanged, {Refused} no longer open; reason {Reason}",
            version, changed, unchanged, refused, reason);
        return new RecomputeSummary(version, ids.Count, changed, unchanged, refused);
    }
}

/// <summary>The calendar's coverage and how many open cases' due times rest on days it had no holiday data for.</summary>
public sealed record CalendarReport(CalendarCoverage Coverage, long OpenOnAssumedDays, long Open);

/// <summary>What a recompute did: cases considered, changed (one event each), unchanged, and refused (closed meanwhile).</summary>
public sealed record RecomputeSummary(string CalendarVersion, int Considered, int Changed, int Unchanged, int Refused);
