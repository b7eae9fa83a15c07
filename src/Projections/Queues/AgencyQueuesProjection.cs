using Cases.Domain;
using Cases.EventStore;
using Cases.Projections.Daemon;
using Npgsql;
using static Cases.Domain.CaseEvent;

namespace Cases.Projections.Queues;

/// <summary>
/// projections.agency_queues (DESIGN 5): every case's place in an agency's work list. A case is open in its lead
/// agency's queue from assignment until it is resolved, declined, or ends; it stays there (flagged) while the
/// agency waits for the citizen. Confidential cases are included: the queue is not public.
/// </summary>
public sealed class AgencyQueuesProjection : IReadModel
{
    static readonly string Received = Names.Snake(CaseStatus.Received), Verified = Names.Snake(CaseStatus.Verified),
        Assigned = Names.Snake(CaseStatus.Assigned), InProgress = Names.Snake(CaseStatus.InProgress),
        Waiting = Names.Snake(CaseStatus.WaitingForCitizen), Resolved = Names.Snake(CaseStatus.Resolved),
        Closed = Names.Snake(CaseStatus.Closed), Rejected = Names.Snake(CaseStatus.Rejected),
        Duplicate = Names.Snake(CaseStatus.Duplicate), Withdrawn = Names.Snake(CaseStatus.Withdrawn);

    public string Name => "agency_queues";

    /// <summary>
    /// The key announced when a case enters, moves within or leaves the operators' inbox (received, verified and not
    /// assigned, resolved: what <c>InboxQueries</c> lists), beside the agencies' keys.
    /// </summary>
    public const string InboxKey = "inbox";

    static bool InInbox(AgencyQueueRow r) => r.Status == Received || r.Status == Resolved || (r.Status == Verified && r.Agency is null);

    public IReadOnlyList<string> Tables { get; } = ["agency_queues"];

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken ct)
    {
        var t = batch.Tables;
        var rows = new Dictionary<Guid, AgencyQueueRow>();
        await using (var load = batch.Command($"select {AgencyQueueRow.Columns} from {t["agency_queues"]} where case_id = any($1)")
            .With(Param.UuidArray(batch.Events.Select(e => e.StreamId).Distinct())))
        await using (var r = await load.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) rows[r.GetGuid(0)] = AgencyQueueRow.Read(r);
        var wasInInbox = rows.Values.Any(InInbox);

        var changed = new HashSet<Guid>();
        batch.Fold(e =>
        {
            // A case leaving an agency's queue (transferred, declined) changes that queue as much as the one it joins.
            if (rows.TryGetValue(e.StreamId, out var before) && before.Agency is { } left) batch.Announce(left);
            rows[e.StreamId] = e.Event is CaseReceived received ? Start(e, received)
                : rows.TryGetValue(e.StreamId, out var row) ? Evolve(row, e)
                : throw new InvalidOperationException($"Case {e.StreamId} has no queue row: its CaseReceived was never applied.");
            changed.Add(e.StreamId);
        });

        if (changed.Count == 0) return;
        batch.Write(AgencyQueueRow.Upsert(t, changed.Select(id => rows[id])));
        foreach (var id in changed)
            if (rows[id].Agency is { } agency) batch.Announce(agency);
        if (wasInInbox || changed.Any(id => InInbox(rows[id]))) batch.Announce(InboxKey);
    }

    static AgencyQueueRow Start(StoredEvent e, CaseReceived r) => new()
    {
        CaseId = e.StreamId, TrackingCode = r.TrackingCode, Kind = Names.Snake(r.Kind), Category = r.Category,
        Priority = Names.Snake(Priority.Normal), Ward = r.Ward, Confidential = r.Confidential, Status = Received, Version = e.Version,
        ReceivedAt = r.At, VerifyDueAt = r.VerifyDueAt, Channel = Names.Snake(r.Channel),
        SearchText = ContactRedaction.MaskContacts(r.Description), Latitude = r.Location?.Latitude, Longitude = r.Location?.Longitude,
    };

    /// <summary>The console's badges: the case is back, and why.</summary>
    public const string Reopened = "reopened", Returned = "returned", Answered = "answered";

    static AgencyQueueRow Evolve(AgencyQueueRow q, StoredEvent e)
    {
        var next = q with { Version = e.Version };
        return e.Event switch
        {
            CaseVerified => next with { Status = Verified },
            DossierAccepted a => next with { Status = Verified, ClockStartedAt = a.At, DueAt = a.DueAt },
            CaseRejected or DossierRefused => Leave(next, Rejected),
            DuplicateLinked => Leave(next, Duplicate),
            CaseClassified c => next with
            {
                Category = c.Category, Priority = Names.Snake(c.Priority), Ward = c.Ward,
                Confidential = q.Confidential || c.Category == CaseDecider.MisconductCategory,
            },
            CaseAssigned a => next with
            {
                Status = Assigned, Open = true, Agency = a.LeadAgency, SupportingAgencies = a.SupportingAgencies, AssignedAt = a.At,
                AcceptDueAt = a.AcceptDueAt, Accepted = false, DueAt = a.DueAt, ClockStartedAt = q.ClockStartedAt ?? a.At,
            },
            AssignmentAccepted => next with { Status = InProgress, Accepted = true },
            AssignmentDeclined => Leave(next, Verified) with { Agency = null, SupportingAgencies = [] },
            CaseTransferred t => next with { Status = Assigned, Agency = t.ToAgency, AssignedAt = t.At, Accepted = false },
            // A reform: the successor holds the case as it was (status, acceptance and due times unchanged).
            AgencySucceeded a => next with
            {
                Agency = q.Agency == a.FromAgency ? a.ToAgency : q.Agency,
                SupportingAgencies = [.. q.SupportingAgencies.Select(x => x == a.FromAgency ? a.ToAgency : x).Distinct()],
            },
            InformationRequested => next with { ResumeStatus = q.Status, Status = Waiting, WaitingForCitizen = true },
            InformationProvided p => (p.Timer switch
                {
                    SlaTimer.Resolve or SlaTimer.Statutory => next with { DueAt = p.DueAt, ExtendedDueAt = p.ExtendedDueAt },
                    SlaTimer.Verify => next with { VerifyDueAt = p.DueAt },
                    _ => next,
                })
                with
                {
                    WaitingForCitizen = false, ResumeStatus = null, Flag = Answered, FlagReason = null, FlagAt = p.At,
                    // Rows waiting since before resume_status was kept: the rule used then.
                    Status = q.ResumeStatus ?? (q.Agency is null ? Verified : q.Accepted ? InProgress : Assigned),
                },
            InformationRequestExpired => Leave(next, Closed) with { WaitingForCitizen = false },
            ExtensionGranted x => next with { ExtendedDueAt = x.NewDueAt },
            CaseResolved r => Leave(next, Resolved) with { ResolvedAt = r.At, Flag = null, FlagReason = null, FlagAt = null },
            ResolutionReturned r => next with
            {
                Status = InProgress, Open = q.Agency is not null, ResolvedAt = null, Flag = Returned, FlagReason = r.Reason, FlagAt = r.At,
            },
            // A new cycle: the assignment that follows (to the agency that resolved it, CaseDecider.Reopen) starts its clock.
            CaseReopened r => Leave(next, Verified) with
            {
                Agency = null, SupportingAgencies = [], Accepted = false, AssignedAt = null, AcceptDueAt = null,
                ClockStartedAt = null, DueAt = null, ExtendedDueAt = null, ResolvedAt = null,
                Flag = Reopened, FlagReason = r.Reason, FlagAt = r.At,
            },
            CaseWithdrawn => Leave(next, Withdrawn),
            CaseClosed => Leave(next, Closed),
            DueTimesRecomputed d => d.Changes.Aggregate(next, (r, c) => c.Clock switch
            {
                DueClock.Accept => r with { AcceptDueAt = c.NewDueAt },
                DueClock.Verify => r with { VerifyDueAt = c.NewDueAt },
                DueClock.Resolve or DueClock.Statutory => r with { DueAt = c.NewDueAt },
                _ => r,
            }),
            _ => next,
        };
    }

    static AgencyQueueRow Leave(AgencyQueueRow q, string status) => q with { Status = status, Open = false };
}
