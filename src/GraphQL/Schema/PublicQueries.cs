using Cases.Domain;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using Cases.Projections.Daemon;
using Cases.Projections.ReadApi;
using Cases.Sla;
using NodaTime;
using Npgsql;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

public sealed record AgencyInfo(string Id, string Name, string? NameEn, string Kind, string? Ward)
{
    /// <summary>The day a reform ended it (issue 24), null while it is in force.</summary>
    public DateOnly? EndedOn { get; init; }
    /// <summary>The agency in force that succeeded it.</summary>
    public string? Successor { get; init; }
}

/// <summary>
/// The read side's queries (DESIGN 6.2): every one reads a projection (never the event store), and each
/// result can say how far the projections lag. The public sees public views only.
/// </summary>
public sealed partial class PublicQueries(
    NpgsqlDataSource db, PublicCaseQueries cases, StatisticsQueries statistics, ProjectionMonitor daemon,
    SlaPolicies policies, IClock clock, Cases.Sla.SlaRulesSource rules)
{
    sealed record Connection(Page<PublicCase> Page, PublicCaseFilter Filter);
    sealed record Period(StatisticsPeriod Value);

    public IEnumerable<FieldDefinition> Fields()
    {
        var publicCase = CaseType;
        var freshness = Field("freshness", NonNull(ReadTypes.Freshness), async ctx => await daemon.StatusAsync(ctx.CancellationToken));

        yield return new FieldDefinition("case", publicCase)
        {
            Description = "One case and its public timeline, by tracking code. Null when there is no such public case.",
            Arguments = { Arg("trackingCode", NonNull(GString)) },
            Resolve = async ctx => await cases.GetAsync(ctx.Argument<string>("trackingCode")!, ctx.CancellationToken) is { } d ? new CaseView(d.Case, d.Timeline) : null,
        };

        var edge = new ObjectType("CaseEdge")
        {
            Fields = { Field<PublicCase>("cursor", NonNull(GString), c => PublicCaseCursor.Encode(c.ReceivedAt, c.TrackingCode)), Field<PublicCase>("node", NonNull(publicCase), c => new CaseView(c)) },
        };
        var pageInfo = new ObjectType("PageInfo")
        {
            Fields =
            {
                Field<Connection>("hasNextPage", NonNull(GBoolean), c => c.Page.HasNextPage),
                Field<Connection>("hasPreviousPage", NonNull(GBoolean), c => c.Page.HasPreviousPage),
                Field<Connection>("startCursor", GString, c => c.Page.StartCursor),
                Field<Connection>("endCursor", GString, c => c.Page.EndCursor),
            },
        };
        var connection = new ObjectType("CaseConnection")
        {
            Description = "A page of public cases, newest first (Relay connection).",
            Fields =
            {
                Field<Connection>("edges", ListOf(edge), c => c.Page.Items.ToList()),
                Field<Connection>("nodes", ListOf(publicCase), c => c.Page.Items.Select(i => new CaseView(i)).ToList()),
                Field<Connection>("pageInfo", NonNull(pageInfo), c => c),
                Field("totalCount", NonNull(GInt), async ctx =>
                {
                    var c = (Connection)ctx.Source!;
                    return (object?)(int)((await cases.ListAsync(c.Filter, new PageRequest(1, null, IncludeTotal: true), ctx.CancellationToken)).TotalCount ?? 0);
                }, "How many cases match, counted only when asked."),
                freshness,
            },
        };
        var filter = new InputObjectType("CaseFilter")
        {
            Fields =
            {
                Arg("kind", CasesEnums.Kind), Arg("category", GString), Arg("ward", GString), Arg("agency", GID), Arg("status", CasesEnums.PublicStatus),
                Arg("receivedFrom", CasesScalars.DateTime), Arg("receivedTo", CasesScalars.DateTime),
            },
        };
        var order = new EnumType("CaseOrder")
        {
            Description = "The order of a case list, by time received.",
            Values = { new EnumValueDefinition("NEWEST_FIRST", false), new EnumValueDefinition("OLDEST_FIRST", true) },
        };
        yield return new FieldDefinition("cases", NonNull(connection))
        {
            Description = "Browse and search public cases. Page forwards with first/after (20 by default) or backwards with last/before.",
            Arguments =
            {
                Arg("where", filter), new InputValueDefinition("order", NonNull(order)) { DefaultValue = false },
                Arg("first", GInt), Arg("after", GString), Arg("last", GInt), Arg("before", GString),
            },
            Cost = 10,
            Resolve = async ctx =>
            {
                var (first, last) = (ctx.Argument<int?>("first"), ctx.Argument<int?>("last"));
                if (first is not null && last is not null) throw SchemaErrors.Invalid("last", "Give first (with after) or last (with before), not both.");
                if (last is null && ctx.Argument<string>("before") is not null) throw SchemaErrors.Invalid("before", "before goes with last.");
                if (first is null && ctx.Argument<string>("after") is not null && last is not null) throw SchemaErrors.Invalid("after", "after goes with first.");
                var size = last ?? first ?? 20;
                if (size is < 1 or > PageRequest.MaxFirst)
                    throw SchemaErrors.Invalid(last is null ? "first" : "last", $"A page holds 1 to {PageRequest.MaxFirst} cases.");
                var f = ctx.Argument<IReadOnlyDictionary<string, object?>>("where") ?? new Dictionary<string, object?>();
                var where = new PublicCaseFilter(
                    f.TryGetValue("kind", out var k) && k is CaseKind kind ? kind : null, f.Get<string>("category"), f.Get<string>("ward"),
                    f.Get<string>("agency"), f.TryGetValue("status", out var s) && s is PublicStatus status ? status : null,
                    f.TryGetValue("receivedFrom", out var rf) && rf is Instant from ? from : null,
                    f.TryGetValue("receivedTo", out var rt) && rt is Instant to ? to : null);
                try
                {
                    var request = new PageRequest(size, ctx.Argument<string>("after"))
                        { Last = last, Before = ctx.Argument<string>("before"), OldestFirst = ctx.Argument<bool>("order") };
                    return new Connection(await cases.ListAsync(where, request, ctx.CancellationToken), where);
                }
                catch (ArgumentException e) { throw SchemaErrors.Invalid(last is null ? "after" : "before", e.Message); }
            },
        };

        var agency = Agency();
        yield return new FieldDefinition("agencies", ListOf(agency))
        {
            Description = "Every agency cases are assigned to: those in force, and with includeEnded those a reorganisation ended (for the history of their cases).",
            Arguments = { new InputValueDefinition("includeEnded", GBoolean) { DefaultValue = false } },
            Resolve = async ctx => (object?)(await Agencies(null, ctx.CancellationToken))
                .Where(a => a.EndedOn is null || ctx.Argument<bool?>("includeEnded") == true).ToList(),
        };
        yield return new FieldDefinition("agency", agency)
        {
            Arguments = { Arg("id", NonNull(GID)) },
            Resolve = async ctx => (await Agencies(ctx.Argument<string>("id"), ctx.CancellationToken)).FirstOrDefault(),
        };

        var category = new ObjectType("Category")
        {
            Fields =
            {
                Field<(SlaCaseKind Kind, string Code)>("kind", NonNull(CasesEnums.Kind), c => c.Kind == SlaCaseKind.Dossier ? CaseKind.Dossier : CaseKind.FieldReport),
                Field<(SlaCaseKind Kind, string Code)>("code", NonNull(GString), c => c.Code),
            },
        };
        yield return Field("categories", ListOf(category), _ => new ValueTask<object?>(
            Enum.GetValues<SlaCaseKind>().SelectMany(k => policies.Categories(k).Select(c => (object)(k, c))).ToList()),
            "Field-report categories and dossier procedures.");
        yield return Field("wards", ListOf(GString), async ctx => (object?)await Wards(ctx.CancellationToken), "Wards and communes that have public cases.");

        yield return new FieldDefinition("statistics", NonNull(Statistics(freshness)))
        {
            Description = "Late rate, durations, satisfaction and backlog over whole local months.",
            Arguments = { Arg("from", NonNull(ReadTypes.YearMonth)), Arg("to", NonNull(ReadTypes.YearMonth)) },
            Resolve = ctx =>
            {
                var (from, to) = (ctx.Argument<YearMonth>("from"), ctx.Argument<YearMonth>("to"));
                if (from.CompareTo(to) > 0) throw SchemaErrors.Invalid("from", "from must not be after to.");
                if ((to.Year - from.Year) * 12 + to.Month - from.Month >= 36) throw SchemaErrors.Invalid("to", "A period is at most 36 months.");
                return new ValueTask<object?>(new Period(new StatisticsPeriod(from, to)));
            },
        };

        foreach (var f in MapFields()) yield return f;
        foreach (var f in PlaceFields()) yield return f;
        yield return freshness;
    }

    ObjectType Agency() => new("Agency")
    {
        Fields =
        {
            Field<AgencyInfo>("id", NonNull(GID), a => a.Id),
            Field<AgencyInfo>("name", NonNull(GString), a => a.Name),
            Field<AgencyInfo>("nameEn", GString, a => a.NameEn),
            Field<AgencyInfo>("kind", NonNull(GString), a => a.Kind),
            Field<AgencyInfo>("ward", GString, a => a.Ward),
            Field<AgencyInfo>("endedOn", CasesScalars.LocalDate, a => a.EndedOn is { } d ? NodaTime.LocalDate.FromDateOnly(d) : null,
                "The day a reorganisation ended this agency; null while it is in force. Its cases went to its successor."),
            Field<AgencyInfo>("successor", GID, a => a.Successor, "The agency in force that succeeded it, when it ended."),
            new FieldDefinition("lateRate", ReadTypes.LateRateRowType)
            {
                Description = "The agency's late rate over whole local months.",
                Arguments = { Arg("from", NonNull(ReadTypes.YearMonth)), Arg("to", NonNull(ReadTypes.YearMonth)) },
                Resolve = async ctx => (await LateRates(ctx, new StatisticsPeriod(ctx.Argument<YearMonth>("from"), ctx.Argument<YearMonth>("to")),
                    StatisticsGrouping.Agency))?.Rows.FirstOrDefault(r => r.Group == ((AgencyInfo)ctx.Source!).Id),
            },
            new FieldDefinition("satisfaction", ReadTypes.SatisfactionRowType)
            {
                Arguments = { Arg("from", NonNull(ReadTypes.YearMonth)), Arg("to", NonNull(ReadTypes.YearMonth)) },
                Resolve = async ctx => (await Satisfaction(ctx, new StatisticsPeriod(ctx.Argument<YearMonth>("from"), ctx.Argument<YearMonth>("to")),
                    StatisticsGrouping.Agency, StatisticsUnits.Historical))?.Rows.FirstOrDefault(r => r.Group == ((AgencyInfo)ctx.Source!).Id),
            },
        },
    };

    async Task<List<AgencyInfo>> Agencies(string? id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select id, name, name_en, kind, ward, ended_on, successor from cases.agencies where $1::text is null or id = $1 order by name");
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var list = new List<AgencyInfo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new AgencyInfo(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4))
            {
                EndedOn = r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), Successor = r.IsDBNull(6) ? null : r.GetString(6),
            });
        return list;
    }

    async Task<List<string>> Wards(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select distinct ward from projections.public_cases order by ward");
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }
}
