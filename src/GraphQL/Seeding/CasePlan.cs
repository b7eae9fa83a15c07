using Cases.Domain;
using Cases.Handlers;
using NodaTime;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// Everything decided up front about one demo case, from the seed alone: what is submitted, and what happens
/// to it. <see cref="CaseScript"/> turns it into commands at instants; the handler decides the events. The
/// lifecycle flags concern the first cycle (a reopened report is simply assigned and resolved again).
/// </summary>
internal sealed record CasePlan
{
    public required int Index { get; init; }
    public required Instant ReceivedAt { get; init; }
    public required CaseKind Kind { get; init; }
    public required Channel Channel { get; init; }
    /// <summary>The category (for dossiers: the procedure) as submitted.</summary>
    public required string Category { get; init; }
    public required Ward Ward { get; init; }
    public required GeoPoint? Location { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> MediaRefs { get; init; }
    /// <summary>Personal data, for cases.reporters only (DESIGN 7).</summary>
    public required ReporterContact? Reporter { get; init; }

    public required Verification Verification { get; init; }
    /// <summary>For a duplicate: the earlier case it is linked to (same category and ward).</summary>
    public int? MasterIndex { get; init; }
    /// <summary>The category the operator corrects a report to, if the reporter picked the wrong one.</summary>
    public string? Reclassify { get; init; }
    public Priority Priority { get; init; }

    public required string Lead { get; init; }
    /// <summary>Where a declined or transferred case goes.</summary>
    public required string OtherAgency { get; init; }
    public IReadOnlyList<string> Supporting { get; init; } = [];

    public Question QuestionBeforeVerification { get; init; }
    public bool Declined { get; init; }
    public bool Transferred { get; init; }
    public int ProgressNotes { get; init; }
    public Question AgencyQuestion { get; init; }
    public bool Extension { get; init; }
    /// <summary>A dossier's legally required apology; it is then resolved after its statutory due time.</summary>
    public bool Apology { get; init; }
    /// <summary>Resolved after the due time (without an extension or apology).</summary>
    public bool Late { get; init; }
    /// <summary>The agency never gets to it before "now": open, and overdue once its due time passes.</summary>
    public bool Backlog { get; init; }
    public bool Returned { get; init; }
    public int? Rating { get; init; }
    public bool Reopen { get; init; }
    public int? SecondRating { get; init; }

    /// <summary>For load tests (<see cref="SeedOptions.OpenShare"/>): nothing more happens once the case reaches this status.</summary>
    public CaseStatus? StopAt { get; init; }

    /// <summary>Seeds this case's own random timing, so concurrency never changes what happens when.</summary>
    public required int TimingSeed { get; init; }

    /// <summary>The category the case ends up with, as the summary counts it.</summary>
    public string FinalCategory => Reclassify ?? Category;
}
