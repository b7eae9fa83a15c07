namespace Cases.Domain;

/// <summary>
/// The state machine (DESIGN 2.3) and who may do what (DESIGN 7), as two plain tables so a reader can
/// check them against the design at a glance.
/// </summary>
public static class CaseRules
{
    /// <summary>The commands a case accepts in its current state, by public name.</summary>
    public static IReadOnlyList<string> AllowedCommands(CaseState s)
    {
        var report = s.Kind == CaseKind.FieldReport;
        var allowed = new List<string>();
        void Add(bool when, params string[] names) { if (when) allowed.AddRange(names); }

        switch (s.Status)
        {
            case CaseStatus.New:
                Add(true, "submitCase");
                return allowed;
            case CaseStatus.Received:
                Add(true, "verifyCase", "rejectCase", "classifyCase", "requestInformation");
                Add(report, "linkDuplicate");
                break;
            case CaseStatus.Verified:
                Add(true, "classifyCase", "assignCase");
                Add(report, "linkDuplicate");
                Add(report && s.DueAt is not null, "grantExtension");
                Add(!report && !s.ApologyIssued, "issueApology");
                break;
            case CaseStatus.Assigned:
                Add(true, "acceptAssignment", "declineAssignment", "transferCase", "classifyCase", "noteProgress");
                Add(report, "grantExtension");
                Add(!report && !s.ApologyIssued, "issueApology");
                break;
            case CaseStatus.InProgress:
                Add(true, "noteProgress", "requestInformation", "transferCase", "classifyCase", "resolveCase");
                Add(report, "grantExtension");
                Add(!report && !s.ApologyIssued, "issueApology");
                break;
            case CaseStatus.WaitingForCitizen:
                Add(true, "provideInformation", "expireInformationRequest");
                break;
            case CaseStatus.Resolved:
                Add(s.Rating is null, "rateCase");
                Add(report, "returnResolution", "reopenCase");
                break;
        }
        if (s.Status is not (CaseStatus.New or CaseStatus.Resolved) && !s.IsFinal)
            Add(true, "withdrawCase");
        if (!s.IsFinal) Add(true, "closeCase");
        // A verified report's summary stays editable, also once closed: taking a name out of it is always allowed.
        Add(report && s.VerifiedAt is not null && s.Status is not (CaseStatus.Rejected or CaseStatus.New), "setPublicSummary");
        if (s.RunningClock is not null) Add(true, "recordDeadline");
        Add(s.Status is CaseStatus.Received or CaseStatus.Verified or CaseStatus.Assigned or CaseStatus.InProgress
            or CaseStatus.WaitingForCitizen, "recomputeDueTimes");
        Add(!s.PersonalDataErased && s.ReporterRef is not null, "erasePersonalData");
        // A resolved case keeps its agency too: a reopened report goes back to it (or to its successor).
        Add(s.Status is not CaseStatus.New && !s.IsFinal, "succeedAgency");
        return allowed;
    }

    /// <summary>
    /// The commands this actor may send to this case now: what the state accepts and the actor's role and
    /// ownership allow. The staff console offers exactly these.
    /// </summary>
    public static IReadOnlyList<string> ActionsFor(Actor actor, CaseState s) =>
        AllowedCommands(s).Where(name => Samples.TryGetValue(name, out var sample) && MayAct(actor, sample, s)).ToList();

    // One instance of each command, for asking MayAct by name: it judges by the command's kind, never its fields.
    static readonly Dictionary<string, CaseCommand> Samples = new CaseCommand[]
    {
        new CaseCommand.VerifyCase(null), new CaseCommand.RejectCase(""), new CaseCommand.ClassifyCase("", Priority.Normal, ""),
        new CaseCommand.LinkDuplicate(Guid.Empty), new CaseCommand.AssignCase("", []), new CaseCommand.AcceptAssignment(),
        new CaseCommand.DeclineAssignment(""), new CaseCommand.TransferCase("", ""), new CaseCommand.NoteProgress(""),
        new CaseCommand.RequestInformation(""), new CaseCommand.ProvideInformation(""), new CaseCommand.ExpireInformationRequest(),
        new CaseCommand.GrantExtension(default, ""), new CaseCommand.IssueApology(default, ""),
        new CaseCommand.RecordDeadline(SlaTimer.Resolve, default, false), new CaseCommand.ResolveCase("", []),
        new CaseCommand.ReturnResolution(""), new CaseCommand.RateCase(0, null), new CaseCommand.ReopenCase(""),
        new CaseCommand.WithdrawCase(""), new CaseCommand.CloseCase(""), new CaseCommand.ErasePersonalData(),
        new CaseCommand.RecomputeDueTimes(""), new CaseCommand.SucceedAgency("", "", "", ""),
    }.ToDictionary(c => c.Name);

    /// <summary>
    /// Whether the actor may issue the command on this case. With <paramref name="checkOwnership"/> false it
    /// answers for the role alone (an agency is taken to be the case's lead), which the decider asks first.
    /// </summary>
    public static bool MayAct(Actor actor, CaseCommand command, CaseState s, bool checkOwnership = true)
    {
        var role = actor.Role;
        var isAgency = role == Role.Agency && actor.AgencyId is not null;
        var isLead = isAgency && (!checkOwnership || actor.AgencyId == s.LeadAgency);
        var isSupporting = isAgency && (!checkOwnership || s.SupportingAgencies.Contains(actor.AgencyId!));
        var isCenter = role is Role.Operator or Role.Admin;
        return command switch
        {
            CaseCommand.SubmitCase => role is Role.Public or Role.Citizen or Role.Operator or Role.Admin or Role.Partner,
            CaseCommand.VerifyCase or CaseCommand.RejectCase or CaseCommand.ClassifyCase or CaseCommand.LinkDuplicate
                or CaseCommand.AssignCase or CaseCommand.GrantExtension or CaseCommand.ReturnResolution
                or CaseCommand.CloseCase or CaseCommand.SetPublicSummary => isCenter,
            CaseCommand.AcceptAssignment or CaseCommand.DeclineAssignment or CaseCommand.ResolveCase => isLead,
            // The one-stop desk apologises for a dossier no agency holds yet.
            CaseCommand.IssueApology => isLead || isCenter,
            CaseCommand.NoteProgress => isLead || isSupporting,
            CaseCommand.TransferCase => isCenter || isLead,
            CaseCommand.RequestInformation => (isLead && s.Status != CaseStatus.Received) || (isCenter && s.Status == CaseStatus.Received),
            CaseCommand.ProvideInformation => role is Role.Citizen or Role.Operator,
            CaseCommand.RateCase or CaseCommand.ReopenCase or CaseCommand.WithdrawCase => role == Role.Citizen,
            CaseCommand.RecordDeadline or CaseCommand.ExpireInformationRequest => role == Role.System,
            CaseCommand.ErasePersonalData or CaseCommand.RecomputeDueTimes or CaseCommand.SucceedAgency => role == Role.Admin,
            _ => false,
        };
    }
}
