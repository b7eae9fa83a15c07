using Cases.Access;
using Cases.Domain;
using Cases.EventStore;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;
using Cases.Projections.ReadApi;
using Cases.Sla;
using Npgsql;
using NodaTime;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>
/// What the staff console reads (issue 13) besides the public views: the operators' inbox with duplicate
/// suggestions, a case as staff see it (its whole internal timeline, clocks, the actions this user may take, and the
/// reporter's contact for those allowed, logged on every view), and the admin's staff accounts.
/// </summary>
public sealed class StaffQueries(
    CaseEventStore store, InboxQueries inbox, AgencyQueries queues, StaffAccounts staff, NpgsqlDataSource db, SlaRulesSource rules, IClock clock, Serilog.ILogger log)
{
    /// <summary>One working day of working time in the province's week, the line between "due soon" and "on track".</summary>
    public static readonly Duration WorkingDay = Duration.FromMinutes(450);

    static readonly ObjectType Duplicate = new("DuplicateSuggestion")
    {
        Description = "An open public case that may be the same problem: same category, within 100 m and 14 days.",
        Fields =
        {
            Field<DuplicateSuggestion>("trackingCode", NonNull(GString), d => d.TrackingCode),
            Field<DuplicateSuggestion>("category", NonNull(GString), d => d.Category),
            Field<DuplicateSuggestion>("ward", NonNull(GString), d => d.Ward),
            Field<DuplicateSuggestion>("publicStatus", NonNull(GString), d => d.PublicStatus),
            Field<DuplicateSuggestion>("receivedAt", NonNull(CasesScalars.DateTime), d => d.ReceivedAt),
            Field<DuplicateSuggestion>("distanceMeters", NonNull(GInt), d => d.DistanceMeters),
        },
    };

    ObjectType InboxItemType() => new("InboxItem")
    {
        Description = "A case for the center to act on. Staff only: it holds the citizen's description.",
        Fields =
        {
            Field<InboxItem>("trackingCode", NonNull(GString), i => i.TrackingCode),
            Field<InboxItem>("kind", NonNull(GString), i => i.Kind),
            Field<InboxItem>("category", NonNull(GString), i => i.Category),
            Field<InboxItem>("ward", NonNull(GString), i => i.Ward),
            Field<InboxItem>("priority", NonNull(GString), i => i.Priority),
            Field<InboxItem>("status", NonNull(GString), i => i.Status),
            Field<InboxItem>("receivedAt", NonNull(CasesScalars.DateTime), i => i.ReceivedAt),
            Field<InboxItem>("verifyDueAt", CasesScalars.DateTime, i => i.VerifyDueAt),
            Field<InboxItem>("dueAt", CasesScalars.DateTime, i => i.DueAt, "The main clock's effective due time, once it runs."),
            Field<InboxItem>("overdue", NonNull(GBoolean), i => i.StageDueAt is { } due && due < clock.GetCurrentInstant(), "The due time of the clock this stage is about has passed."),
            Field<InboxItem>("description", NonNull(GString), i => i.Description),
            Field<InboxItem>("duplicateSuggestions", ListOf(Duplicate), i => i.Duplicates.ToList()),
            Field<InboxItem>("location", ReadTypes.Point, i => i.Latitude is { } lat && i.Longitude is { } lon ? new GeoPoint(lat, lon) : null, "The exact place the reporter gave."),
            Field<InboxItem>("photos", ListOf(GString), i => i.MediaRefs.ToList(), "The report's photos (ids for /media/{id} and /media/{id}/thumbnail)."),
            Field<InboxItem>("channel", GString, i => i.Channel),
            Field<InboxItem>("flag", GString, i => i.Flag, "Why the case is back: reopened, returned or answered."),
            Field<InboxItem>("flagReason", GString, i => i.FlagReason),
            Field<InboxItem>("flagAt", CasesScalars.DateTime, i => i.FlagAt),
            Field<InboxItem>("resolvedAt", CasesScalars.DateTime, i => i.ResolvedAt, "When the resolution to review came in."),
            Field<InboxItem>("cursor", NonNull(GString), i => i.Cursor, "Pass as after to read the items that follow this one in the stage."),
        },
    };

    static readonly ObjectType InboxCountsType = new("InboxCounts")
    {
        Fields =
        {
            Field<InboxCounts>("toVerify", NonNull(GInt), c => (int)c.ToVerify),
            Field<InboxCounts>("toAssign", NonNull(GInt), c => (int)c.ToAssign),
            Field<InboxCounts>("toReview", NonNull(GInt), c => (int)c.ToReview),
        },
    };

    /// <summary>The work lists' filter arguments (issue 20): search, category, ward, channel.</summary>
    static IEnumerable<InputValueDefinition> FilterArguments() =>
    [
        Arg("search", GString, "A tracking code (or its start), or words of the citizen's description."),
        Arg("category", GString), Arg("ward", GString), Arg("channel", GString, "app, web, hotline, social or desk"),
    ];

    static FieldDefinition Filtered(FieldDefinition field)
    {
        foreach (var a in FilterArguments()) field.Arguments.Add(a);
        return field;
    }

    static TriageFilter Filter(ResolveContext ctx) => new(
        ctx.Argument<string>("search") is { Length: > 0 } s ? s : null, ctx.Argument<string>("category"),
        ctx.Argument<string>("ward"), ctx.Argument<string>("channel"));

    /// <summary>A page read after a cursor that list did not give is a typed error on <c>after</c>.</summary>
    static async Task<T> Paged<T>(Func<Task<T>> read)
    {
        try { return await read(); }
        catch (FormatException) { throw SchemaErrors.Invalid("after", "The cursor is not one this list gave."); }
    }

    static readonly ObjectType Clock = new("StaffClock")
    {
        Fields =
        {
            Field<StaffClock>("name", NonNull(GString), c => c.Name, "verify, accept, resolve, statutory, informationReply, extended or apology"),
            Field<StaffClock>("dueAt", NonNull(CasesScalars.DateTime), c => c.DueAt),
            Field<StaffClock>("running", NonNull(GBoolean), c => c.Running),
            Field<StaffClock>("overdue", NonNull(GBoolean), c => c.Overdue),
        },
    };

    static readonly ObjectType Event = new("StaffEvent")
    {
        Description = "One event of the case, with who did it and the working time since the event before.",
        Fields =
        {
            Field<(StoredEvent Event, Duration? Since)>("version", NonNull(GInt), e => (int)e.Event.Version),
            Field<(StoredEvent Event, Duration? Since)>("type", NonNull(GString), e => e.Event.Type),
            Field<(StoredEvent Event, Duration? Since)>("at", NonNull(CasesScalars.DateTime), e => e.Event.OccurredAt),
            Field<(StoredEvent Event, Duration? Since)>("actorId", NonNull(GString), e => e.Event.Metadata.ActorId),
            Field<(StoredEvent Event, Duration? Since)>("actorRole", NonNull(CasesEnums.Role), e => e.Event.Metadata.ActorRole),
            Field<(StoredEvent Event, Duration? Since)>("actorAgency", GString, e => e.Event.Metadata.ActorAgency),
            Field<(StoredEvent Event, Duration? Since)>("command", NonNull(GString), e => e.Event.Metadata.Command),
            Field<(StoredEvent Event, Duration? Since)>("data", NonNull(GString), e => EventJson.Serialize(e.Event.Event), "The event's data as JSON. Holds no personal data: the reporter is a reference."),
            Field<(StoredEvent Event, Duration? Since)>("workingTimeSincePrevious", DurationScalar.Type, e => e.Since?.ToTimeSpan()),
        },
    };

    static readonly ObjectType Contact = new("ReporterContact")
    {
        Description = "The reporter's contact, for the staff who may see it; every read is logged.",
        Fields =
        {
            Field<ReporterContactRow>("name", GString, c => c.Name),
            Field<ReporterContactRow>("phone", GString, c => c.Phone),
            Field<ReporterContactRow>("email", GString, c => c.Email),
            Field<ReporterContactRow>("address", GString, c => c.Address),
        },
    };

    ObjectType StaffCaseType() => new("StaffCase")
    {
        Description = "A case as staff see it.",
        Fields =
        {
            Field<StaffCaseView>("case", NonNull(CaseRecordType.Type), v => v.State),
            Field<StaffCaseView>("description", NonNull(GString), v => v.Received.Description),
            Field<StaffCaseView>("location", ReadTypes.Point, v => v.Received.Location, "The exact place the reporter gave."),
            Field<StaffCaseView>("actions", ListOf(GString), v => CaseRules.ActionsFor(v.Viewer.Actor, v.State).ToList(),
                "The mutations the case's state and this user's role allow now."),
            Field<StaffCaseView>("clocks", ListOf(Clock), v => Clocks(v.State, clock.GetCurrentInstant()).ToList()),
            Field<StaffCaseView>("timeline", ListOf(Event), v => Timeline(v.Events).Cast<object>().ToList()),
            new FieldDefinition("reporter", Contact)
            {
                Description = "Null unless this user may see it (operators, admins and the lead agency's staff), or when there is none.",
                Resolve = async ctx => await ReporterAsync((StaffCaseView)ctx.Source!, ctx.CancellationToken),
            },
            Field<StaffCaseView>("publicSummary", GString, v => v.Events.Select(e => e.Event).OfType<CaseEvent.PublicSummarySet>().LastOrDefault()?.Summary,
                "What the public reads of the report now (null before verification)."),
            Field<StaffCaseView>("defaultPublicSummary", NonNull(GString), v => ContactRedaction.Mask(v.Received.Description),
                "The summary verification publishes unless the operator gives another: the description with contacts, names and addresses masked."),
            new FieldDefinition("duplicateSuggestions", ListOf(Duplicate))
            {
                Description = "Open public cases of the same category within 100 m and 14 days of this report's exact place, nearest first.",
                Resolve = async ctx =>
                {
                    var v = (StaffCaseView)ctx.Source!;
                    if (v.Received.Location is not { } p || v.State.Kind != CaseKind.FieldReport) return new List<DuplicateSuggestion>();
                    return (await inbox.DuplicatesOfAsync(v.State.Id, v.State.Category, p.Latitude, p.Longitude, v.Received.At, ctx.CancellationToken)).ToList();
                },
            },
            new FieldDefinition("people", ListOf(Person))
            {
                Description = "The display names of the staff accounts and API keys that acted on the case (timeline actorId to name).",
                Resolve = async ctx => (await PeopleAsync(((StaffCaseView)ctx.Source!).Events.Select(e => e.Metadata.ActorId).Distinct().ToArray(), ctx.CancellationToken)).ToList(),
            },
            Notifications.DeliveriesField.For(db),
        },
    };

    static readonly ObjectType StaffAuditEntry = new("StaffAuditEntry")
    {
        Description = "One entry of the staff audit log. The detail names cases and actors, never a reporter's contact.",
        Fields =
        {
            Field<StaffAuditRow>("id", NonNull(GString), e => e.Id),
            Field<StaffAuditRow>("at", NonNull(CasesScalars.DateTime), e => e.At),
            Field<StaffAuditRow>("login", GString, e => e.Login),
            Field<StaffAuditRow>("name", GString, e => e.Name, "The account's display name."),
            Field<StaffAuditRow>("event", NonNull(GString), e => e.Event),
            Field<StaffAuditRow>("detail", NonNull(GString), e => e.Detail, "JSON."),
            Field<StaffAuditRow>("correlationId", GString, e => e.CorrelationId),
        },
    };

    static readonly ObjectType Person = new("Person")
    {
        Fields =
        {
            Field<(string Id, string Name)>("id", NonNull(GString), p => p.Id),
            Field<(string Id, string Name)>("name", NonNull(GString), p => p.Name),
        },
    };

    /// <summary>Names for actor ids: staff accounts (user:login) and API keys (key:id); citizens and the scheduler have none.</summary>
    async Task<IReadOnlyList<(string Id, string Name)>> PeopleAsync(string[] actorIds, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select 'user:' || login, name from cases.staff_users where 'user:' || login = any($1)
            union all
            select 'key:' || id::text, name from cases.api_keys where 'key:' || id::text = any($1)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = actorIds });
        var people = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) people.Add((r.GetString(0), r.GetString(1)));
        return people;
    }

    static readonly ObjectType QueueCounts = new("QueueCounts")
    {
        Fields =
        {
            Field<(long Overdue, long DueSoon, long OnTrack)>("overdue", NonNull(GInt), c => (int)c.Overdue),
            Field<(long Overdue, long DueSoon, long OnTrack)>("dueSoon", NonNull(GInt), c => (int)c.DueSoon),
            Field<(long Overdue, long DueSoon, long OnTrack)>("onTrack", NonNull(GInt), c => (int)c.OnTrack),
        },
    };

    static readonly ObjectType User = new("StaffUser")
    {
        Fields =
        {
            Field<StaffUser>("login", NonNull(GString), u => u.Login),
            Field<StaffUser>("name", NonNull(GString), u => u.Name),
            Field<StaffUser>("role", NonNull(CasesEnums.Role), u => u.Role),
            Field<StaffUser>("agencyId", GID, u => u.AgencyId),
            Field<StaffUser>("disabled", NonNull(GBoolean), u => u.DisabledAt is not null),
            Field<StaffUser>("createdAt", NonNull(CasesScalars.DateTime), u => u.CreatedAt),
            Field<StaffUser>("lastSignInAt", CasesScalars.DateTime, u => u.LastSignInAt),
        },
    };

    public IEnumerable<FieldDefinition> Queries()
    {
        yield return Filtered(new FieldDefinition("inbox", ListOf(InboxItemType()))
        {
            Description = "For the center's operators: cases to verify, to assign or to review, most urgent first.",
            Arguments =
            {
                new InputValueDefinition("stage", CasesEnums.InboxStage) { DefaultValue = InboxStage.ToVerify },
                new InputValueDefinition("first", GInt) { DefaultValue = 50 },
                Arg("after", GString, "The cursor of the last item of the page before."),
            },
            Resolve = async ctx =>
            {
                ctx.Require(Role.Operator, Role.Admin);
                var stage = ctx.Argument<InboxStage?>("stage") ?? InboxStage.ToVerify;
                return (await Paged(() => inbox.InboxAsync(stage, ctx.Argument<int?>("first") ?? 50, ctx.Argument<string>("after"), Filter(ctx), ctx.CancellationToken))).ToList();
            },
        });
        yield return Filtered(new FieldDefinition("inboxCounts", NonNull(InboxCountsType))
        {
            Description = "For the center's operators: how many cases each inbox stage holds, under the same filter as the inbox.",
            Resolve = async ctx =>
            {
                ctx.Require(Role.Operator, Role.Admin);
                return await inbox.CountsAsync(Filter(ctx), ctx.CancellationToken);
            },
        });
        yield return new FieldDefinition("staffCase", NonNull(StaffCaseType()))
        {
            Description = "A case for staff: operators, admins and auditors; agency staff only for a case their agency leads or supports.",
            Arguments = { Arg("trackingCode", NonNull(GString)) },
            Resolve = async ctx =>
            {
                var request = ctx.Require(Role.Operator, Role.Admin, Role.Auditor, Role.Agency);
                var code = ctx.Argument<string>("trackingCode")!;
                var id = await store.FindByTrackingCodeAsync(code, ctx.CancellationToken) ?? throw SchemaErrors.NotFound(code);
                var events = await store.ReadStreamAsync(id, ct: ctx.CancellationToken);
                var state = CaseState.Fold(id, events.Select(e => e.Event));
                if (request.Actor.Role == Role.Agency && request.Actor.AgencyId != state.LeadAgency && !state.SupportingAgencies.Contains(request.Actor.AgencyId!))
                    throw SchemaErrors.Forbidden($"Case {code} is not with your agency.");
                return new StaffCaseView(state, (CaseEvent.CaseReceived)events[0].Event, events, request);
            },
        };
        yield return Filtered(new FieldDefinition("myQueue", ListOf(ReadTypes.QueueItem))
        {
            Description = "For an agency: its open cases, soonest due first, optionally of one internal status or category.",
            Arguments =
            {
                new InputValueDefinition("first", GInt) { DefaultValue = 100 }, Arg("after", GString, "The cursor of the last item of the page before."),
                Arg("status", GString, "e.g. assigned, in_progress, waiting_for_citizen"),
            },
            Resolve = async ctx =>
            {
                var agencyId = ctx.Require(Role.Agency).Actor.AgencyId!;
                var items = await Paged(() => queues.QueueAsync(agencyId, Math.Clamp(ctx.Argument<int?>("first") ?? 100, 1, AgencyQueries.MaxItems),
                    ctx.Argument<string>("after"), ctx.Argument<string>("status"), Filter(ctx), ctx.CancellationToken));
                return items.Select(i => i with { Urgency = UrgencyOf(i) }).ToList();
            },
        });
        yield return Filtered(new FieldDefinition("myQueueCount", NonNull(GInt))
        {
            Description = "For an agency: how many open cases its queue holds under the same filter as myQueue.",
            Arguments = { Arg("status", GString) },
            Resolve = async ctx =>
            {
                var agencyId = ctx.Require(Role.Agency).Actor.AgencyId!;
                return (int)await queues.CountAsync(agencyId, ctx.Argument<string>("status"), Filter(ctx), ctx.CancellationToken);
            },
        });
        yield return new FieldDefinition("myQueueCounts", NonNull(QueueCounts))
        {
            Description = "For an agency: its open cases counted as overdue, due within one working day, and on track.",
            Resolve = async ctx =>
            {
                var agencyId = ctx.Require(Role.Agency).Actor.AgencyId!;
                return await queues.CountsAsync(agencyId, Now, WorkingTime, WorkingDay, ctx.CancellationToken);
            },
        };
        yield return new FieldDefinition("staffAudit", ListOf(StaffAuditEntry))
        {
            Description = "Auditors and admins: the staff audit log (sign-ins, failures, lock-outs, account changes, views of a reporter's contact), newest first.",
            Arguments =
            {
                Arg("login", GString), Arg("event", GString, "sign_in, sign_in_failed, locked, disabled, sign_out, user_created, user_disabled, contact_viewed"),
                Arg("from", CasesScalars.DateTime), Arg("to", CasesScalars.DateTime),
                new InputValueDefinition("first", GInt) { DefaultValue = 100 }, Arg("after", GString, "The cursor (id) of the last entry of the page before."),
            },
            Resolve = async ctx =>
            {
                ctx.Require(Role.Auditor, Role.Admin);
                long? after = null;
                if (ctx.Argument<string>("after") is { } a)
                    after = long.TryParse(a, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
                        : throw SchemaErrors.Invalid("after", "The cursor is not one this list gave.");
                await using var cmd = db.CreateCommand("""
                    select a.id, a.at, a.login, u.name, a.event, a.detail::text, a.correlation_id
                    from cases.staff_audit a left join cases.staff_users u on u.login = a.login
                    where ($1::text is null or a.login = $1) and ($2::text is null or a.event = $2)
                      and ($3::timestamptz is null or a.at >= $3) and ($4::timestamptz is null or a.at < $4)
                      and ($5::bigint is null or a.id < $5)
                    order by a.id desc limit $6
                    """);
                cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)ctx.Argument<string>("login") ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)ctx.Argument<string>("event") ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = ctx.Argument<Instant?>("from") is { } f ? f.ToDateTimeUtc() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
                cmd.Parameters.Add(new NpgsqlParameter { Value = ctx.Argument<Instant?>("to") is { } t ? t.ToDateTimeUtc() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
                cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
                cmd.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(ctx.Argument<int?>("first") ?? 100, 1, 500) });
                var rows = new List<StaffAuditRow>();
                await using var r = await cmd.ExecuteReaderAsync(ctx.CancellationToken);
                while (await r.ReadAsync(ctx.CancellationToken))
                    rows.Add(new StaffAuditRow(r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Instant.FromDateTimeUtc(DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)),
                        r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(5),
                        r.IsDBNull(6) ? null : r.GetString(6)));
                return rows;
            },
        };
        yield return new FieldDefinition("users", ListOf(User))
        {
            Description = "Admin: the staff accounts.",
            Resolve = async ctx => { ctx.Require(Role.Admin); return (await staff.ListAsync(ctx.CancellationToken)).ToList(); },
        };
    }

    public IEnumerable<FieldDefinition> Mutations()
    {
        yield return new FieldDefinition("createUser", NonNull(User))
        {
            Description = "Admin: a staff account. The password is hashed at once (ASP.NET Core Identity) and never stored or logged.",
            Arguments =
            {
                Arg("input", NonNull(new InputObjectType("CreateUserInput")
                {
                    Fields =
                    {
                        Arg("login", NonNull(GString)), Arg("name", NonNull(GString)), Arg("role", NonNull(CasesEnums.Role)),
                        Arg("agencyId", GID, "For agency staff: their agency."), Arg("password", NonNull(GString), "At least 12 characters."),
                    },
                })),
            },
            Resolve = async ctx =>
            {
                var request = ctx.Require(Role.Admin);
                var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
                try
                {
                    var user = await staff.CreateAsync(input.Get<string>("login")!, input.Get<string>("name")!, input.Get<Role>("role"),
                        input.Get<string>("agencyId"), input.Get<string>("password")!, request.Actor.Id, ctx.CancellationToken);
                    log.ForContext("CorrelationId", request.CorrelationId).Information("Staff account {Login} ({Role}) created by {ActorId}", user.Login, user.Role, request.Actor.Id);
                    return user;
                }
                catch (ArgumentException e)
                {
                    throw SchemaErrors.Invalid(e.ParamName ?? "input", e.Message.Replace($" (Parameter '{e.ParamName}')", ""));
                }
            },
        };
        yield return new FieldDefinition("disableUser", NonNull(User))
        {
            Description = "Admin: disable a staff account; its sessions end at once.",
            Arguments = { Arg("input", NonNull(new InputObjectType("DisableUserInput") { Fields = { Arg("login", NonNull(GString)) } })) },
            Resolve = async ctx =>
            {
                var request = ctx.Require(Role.Admin);
                var login = ((IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!).Get<string>("login")!;
                var user = await staff.DisableAsync(login, request.Actor.Id, ctx.CancellationToken) ?? throw SchemaErrors.Invalid("login", $"No staff account '{login}'.");
                log.ForContext("CorrelationId", request.CorrelationId).Information("Staff account {Login} disabled by {ActorId}", login, request.Actor.Id);
                return user;
            },
        };
    }

    /// <summary>The agency queue's marks: overdue, due within one working day, on track (for <c>myQueue</c> and its counts).</summary>
    public QueueUrgency UrgencyOf(AgencyQueueItem item) => item.UrgencyAt(clock.GetCurrentInstant(), WorkingTime, WorkingDay);

    public Duration WorkingTime(Instant from, Instant to) =>
        rules.Calendar.WorkingTimeBetween(from, to);

    public Instant Now => clock.GetCurrentInstant();

    static IEnumerable<StaffClock> Clocks(CaseState s, Instant now)
    {
        var running = s.RunningClock;
        StaffClock Of(string name, Instant due, bool isRunning) => new(name, due, isRunning, isRunning && due < now);
        var open = !s.IsFinal && s.Status != CaseStatus.Resolved;
        if (s.VerifyDueAt is { } v) yield return Of("verify", v, running?.Timer == SlaTimer.Verify);
        if (s.AcceptDueAt is { } a) yield return Of("accept", a, s.Status == CaseStatus.Assigned);
        if (s.DueAt is { } d) yield return Of(s.Kind == CaseKind.Dossier ? "statutory" : "resolve", d, running is { } r && r.Timer != SlaTimer.Verify && s.ExtendedDueAt is null);
        if (s.ExtendedDueAt is { } x) yield return Of("extended", x, running is { Timer: SlaTimer.Resolve });
        if (s.ApologyDueAt is { } ap) yield return Of("apology", ap, open);
        if (s.Status == CaseStatus.WaitingForCitizen && s.InformationReplyDueAt is { } q) yield return Of("informationReply", q, true);
    }

    IEnumerable<(StoredEvent, Duration?)> Timeline(IReadOnlyList<StoredEvent> events)
    {
        StoredEvent? previous = null;
        foreach (var e in events)
        {
            yield return (e, previous is null ? null : WorkingTime(previous.OccurredAt, e.OccurredAt));
            previous = e;
        }
    }

    async Task<ReporterContactRow?> ReporterAsync(StaffCaseView view, CancellationToken ct)
    {
        var actor = view.Viewer.Actor;
        var allowed = actor.Role is Role.Operator or Role.Admin || (actor.Role == Role.Agency && actor.AgencyId == view.State.LeadAgency);
        if (!allowed || view.State.ReporterRef is not { } reporterRef || view.State.PersonalDataErased) return null;
        ReporterContactRow? contact;
        // The reader is disposed once, here, before the audit below. It was disposed a second time at the end of the
        // method, after its pooled connection had gone back to the pool: Npgsql reuses a connection's reader object,
        // so that late dispose consumed another command's replies on the same connection ("Received backend message
        // BindComplete while expecting ParseCompleteMessage" in one, a command waiting for ever in the other).
        await using (var cmd = db.CreateCommand("select name, phone, email, address from cases.reporters where ref = $1"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = reporterRef });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            contact = await r.ReadAsync(ct) ? new ReporterContactRow(Text(0), Text(1), Text(2), Text(3)) : null;
        }
        if (contact is null) return null;
        // Who saw whose contact, for the auditors (DESIGN 7); the contact itself is never logged.
        log.ForContext("CaseId", view.State.Id).ForContext("TrackingCode", view.State.TrackingCode).ForContext("CorrelationId", view.Viewer.CorrelationId)
            .Information("Reporter contact viewed by {ActorId} ({Role})", actor.Id, actor.Role);
        await staff.AuditAsync(view.Viewer.Login, "contact_viewed", new { caseId = view.State.Id, trackingCode = view.State.TrackingCode, actorId = actor.Id },
            view.Viewer.CorrelationId, view.Viewer.ClientIpHash, ct);
        return contact;
    }
}

/// <summary>A case read for a member of staff: its state, first event, every event, and who asked.</summary>
public sealed record StaffCaseView(CaseState State, CaseEvent.CaseReceived Received, IReadOnlyList<StoredEvent> Events, RequestContext Viewer);

public sealed record StaffAuditRow(string Id, Instant At, string? Login, string? Name, string Event, string Detail, string? CorrelationId);

public sealed record StaffClock(string Name, Instant DueAt, bool Running, bool Overdue);

public sealed record ReporterContactRow(string? Name, string? Phone, string? Email, string? Address);
