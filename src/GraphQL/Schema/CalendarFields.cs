using Cases.Domain;
using Cases.GraphQL.Calendar;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Types;
using Cases.Sla;
using NodaTime;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>
/// The working-time calendar in the API: anyone may see which calendar computes the deadlines and how far ahead
/// it reaches (the public site and the staff console show its warning); only an admin imports a version or
/// recomputes open due times.
/// </summary>
public sealed class CalendarFields(CalendarAdmin admin)
{
    public const string InvalidCode = "CALENDAR_INVALID";

    static readonly ObjectType Year = new("CalendarYearVersion")
    {
        Fields =
        {
            Field<CalendarYear>("year", NonNull(GInt), y => y.Year),
            Field<CalendarYear>("version", NonNull(GString), y => y.Version),
            Field<CalendarYear>("daysOff", NonNull(GInt), y => y.Holidays.Count),
            Field<CalendarYear>("makeUpWorkdays", NonNull(GInt), y => y.Workdays.Count),
            Field<CalendarYear>("provisionalDays", NonNull(GInt), y => y.Provisional.Count, "Days listed before the official notice confirmed them."),
        },
    };

    static readonly ObjectType ProvisionalDay = new("ProvisionalCalendarDay")
    {
        Fields =
        {
            Field<(LocalDate Date, string Name)>("date", NonNull(CasesScalars.LocalDate), d => d.Date),
            Field<(LocalDate Date, string Name)>("name", NonNull(GString), d => d.Name),
        },
    };

    static readonly ObjectType Status = new("CalendarStatus")
    {
        Description = "Which holiday data computes new due times, and how far ahead it reaches.",
        Fields =
        {
            Field<CalendarReport>("calendarVersion", NonNull(GString), r => r.Coverage.CalendarVersion, "Recorded with every due time, e.g. 2025.1+2026.1+2027.1."),
            Field<CalendarReport>("today", NonNull(CasesScalars.LocalDate), r => r.Coverage.Today),
            Field<CalendarReport>("coveredUntil", CasesScalars.LocalDate, r => r.Coverage.CoveredUntil, "The last day with holiday data, counting on from today; null if today's year has none."),
            Field<CalendarReport>("daysCovered", NonNull(GInt), r => r.Coverage.DaysCovered),
            Field<CalendarReport>("warnDays", NonNull(GInt), r => r.Coverage.WarnDays),
            Field<CalendarReport>("warning", NonNull(GBoolean), r => r.Coverage.Warning, "The calendar does not cover the next warnDays days."),
            Field<CalendarReport>("message", NonNull(GString), r => r.Coverage.Message),
            Field<CalendarReport>("years", ListOf(Year), r => r.Coverage.InForce.ToList()),
            Field<CalendarReport>("provisionalAhead", ListOf(ProvisionalDay), r => r.Coverage.ProvisionalAhead.Cast<object>().ToList()),
            Field<CalendarReport>("openCases", NonNull(GInt), r => (int)r.Open, "Open case cycles, from the statistics read model."),
            Field<CalendarReport>("openOnAssumedWorkingDays", NonNull(GInt), r => (int)r.OpenOnAssumedDays,
                "Open case cycles with a due time computed over a day the calendar had no holiday data for."),
        },
    };

    static readonly ObjectType Recomputed = new("RecomputeSummary")
    {
        Fields =
        {
            Field<RecomputeSummary>("calendarVersion", NonNull(GString), s => s.CalendarVersion),
            Field<RecomputeSummary>("considered", NonNull(GInt), s => s.Considered),
            Field<RecomputeSummary>("changed", NonNull(GInt), s => s.Changed, "Cases that got a due_times_recomputed event."),
            Field<RecomputeSummary>("unchanged", NonNull(GInt), s => s.Unchanged),
            Field<RecomputeSummary>("refused", NonNull(GInt), s => s.Refused, "Cases that were no longer open."),
        },
    };

    public FieldDefinition Query() => Field("calendar", NonNull(Status),
        async ctx => await admin.StatusAsync(ctx.CancellationToken), "The working-time calendar's versions and coverage.");

    public IEnumerable<FieldDefinition> Mutations()
    {
        yield return new FieldDefinition("importCalendar", NonNull(Status))
        {
            Description = "Admin: load a yearly calendar file as the next version of its year; clocks started from now on use it. Due times already computed stay until recomputeDueTimes.",
            Arguments =
            {
                Arg("input", NonNull(new InputObjectType("ImportCalendarInput")
                {
                    Fields =
                    {
                        Arg("fileName", NonNull(GString), "e.g. calendar-2027.txt"),
                        Arg("content", NonNull(GString), "The file's text, in the format of the shipped calendar files."),
                    },
                })),
            },
            Resolve = async ctx =>
            {
                var request = ctx.Require(Role.Admin);
                var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
                try
                {
                    await admin.ImportAsync(input.Get<string>("fileName")!, input.Get<string>("content")!, request.Actor, request.CorrelationId, ctx.CancellationToken);
                }
                catch (CalendarDataException e)
                {
                    throw new GraphQLException(e.Message, new Dictionary<string, object?>
                    {
                        ["code"] = InvalidCode, ["fileName"] = e.FileName, ["line"] = e.LineNumber, ["problem"] = e.Problem,
                    });
                }
                return await admin.StatusAsync(ctx.CancellationToken);
            },
        };
        yield return new FieldDefinition("recomputeDueTimes", NonNull(Recomputed))
        {
            Description = "Admin: re-measure every open case's due times with the calendar in force, appending one event per case whose due times move.",
            Arguments = { Arg("input", NonNull(new InputObjectType("RecomputeDueTimesInput") { Fields = { Arg("reason", NonNull(GString)) } })) },
            Resolve = async ctx =>
            {
                var request = ctx.Require(Role.Admin);
                var reason = ((IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!).Get<string>("reason");
                if (string.IsNullOrWhiteSpace(reason)) throw SchemaErrors.Invalid("reason", "A recompute needs a reason.");
                return await admin.RecomputeAsync(reason.Trim(), request.Actor, request.CorrelationId, ct: ctx.CancellationToken);
            },
        };
    }
}
