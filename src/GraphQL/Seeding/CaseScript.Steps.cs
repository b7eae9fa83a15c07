using Cases.Domain;
using Cases.Sla;
using NodaTime;
using static Cases.Domain.CaseCommand;
using static Cases.GraphQL.Seeding.DemoTexts;

namespace Cases.GraphQL.Seeding;

internal sealed partial class CaseScript
{
    Step AtReception()
    {
        if (plan.QuestionBeforeVerification != Question.None && !askedBeforeVerification)
        {
            askedBeforeVerification = true;
            var question = plan.Kind == CaseKind.Dossier ? Pick(rng, DossierQuestions) : Pick(rng, OperatorQuestions);
            return new Step(ShareOf(State.VerifyDueAt, 0.1, 0.4, Duration.FromMinutes(60)), Center(), new RequestInformation(question));
        }
        var at = plan.Kind == CaseKind.FieldReport ? ShareOf(State.VerifyDueAt, 0.1, 0.9, Duration.FromMinutes(45))
            : plan.Channel == Channel.Desk && !askedBeforeVerification ? WorkingMinutes(3, 20)
            : WorkingMinutes(30, 480);
        return plan.Verification switch
        {
            Verification.Reject => new Step(at, Center(), new RejectCase(Pick(rng, plan.Kind == CaseKind.Dossier ? RefuseReasons : RejectReasons))),
            Verification.Duplicate => new Step(at, Operator(), new LinkDuplicate(Guid.Empty), plan.MasterIndex),
            _ => new Step(at, Center(), new VerifyCase(plan.Kind == CaseKind.FieldReport && rng.NextDouble() < 0.5 ? Pick(rng, VerifyNotes) : null)),
        };
    }

    /// <summary>The citizen answers a request for information, or never does (the scheduler will expire it).</summary>
    Step? Answer()
    {
        var question = State.ResumeStatus == CaseStatus.Received ? plan.QuestionBeforeVerification : plan.AgencyQuestion;
        return question == Question.Answered
            ? new Step(CitizenAfter(1, 72), Citizen, new ProvideInformation(Pick(rng, CitizenReplies)))
            : null;
    }

    Step Classify()
    {
        classified = true;
        return new Step(WorkingMinutes(2, 20), Operator(), new ClassifyCase(plan.Reclassify ?? State.Category, plan.Priority, plan.Ward.Name));
    }

    Step Assign()
    {
        var lead = declined ? plan.OtherAgency : plan.Lead;
        var at = plan.Priority == Priority.Urgent ? WorkingMinutes(2, 15) : WorkingMinutes(5, 90);
        return new Step(at, Center(), new AssignCase(lead, [.. plan.Supporting.Where(a => a != lead)]));
    }

    Step AcceptOrDecline()
    {
        var lead = State.LeadAgency!;
        if (plan.Declined && !declined && State.Cycle == 1)
        {
            declined = true;
            return new Step(ShareOf(State.AcceptDueAt, 0.2, 0.8, Duration.FromMinutes(30)), Staff(lead), new DeclineAssignment(Pick(rng, DeclineReasons)));
        }
        return new Step(ShareOf(State.AcceptDueAt, 0.1, 0.9, Duration.FromMinutes(15)), Staff(lead), new AcceptAssignment());
    }

    /// <summary>The agency's work on the case, each step taking a share of the working time left before the due time.</summary>
    Step? Work()
    {
        var lead = State.LeadAgency!;
        var due = State.Kind == CaseKind.Dossier ? State.DueAt : State.EffectiveDueAt;
        var hour = Duration.FromHours(1);
        if (State.Cycle == 1)
        {
            if (plan.Transferred && !transferred)
            {
                transferred = true;
                var to = lead == plan.OtherAgency ? plan.Lead : plan.OtherAgency;
                return new Step(ShareOf(due, 0.05, 0.2, hour), Staff(lead), new TransferCase(to, Pick(rng, TransferReasons)));
            }
            if (notes < plan.ProgressNotes)
            {
                notes++;
                var text = Pick(rng, plan.Kind == CaseKind.Dossier ? DossierProgressNotes : ProgressNotes);
                return new Step(ShareOf(due, 0.1, 0.35, hour), Staff(lead), new NoteProgress(text));
            }
            if (plan.AgencyQuestion != Question.None && !askedByAgency)
            {
                askedByAgency = true;
                var question = Pick(rng, plan.Kind == CaseKind.Dossier ? DossierQuestions : AgencyQuestions);
                return new Step(ShareOf(due, 0.1, 0.3, hour), Staff(lead), new RequestInformation(question));
            }
            if (plan.Extension && !extended && due is { } current)
            {
                extended = true;
                var extendedTo = calendar.AddWorkingTime(current, Duration.FromHours(Between(16, 40)));
                return new Step(ShareOf(due, 0.5, 0.8, hour), Operator(), new GrantExtension(extendedTo, Pick(rng, ExtensionReasons)));
            }
            if (plan.Apology && !apologised && due is { } statutory)
            {
                apologised = true;
                var at = ShareOf(due, 0.75, 0.95, Duration.FromMinutes(30));
                // The apology letter names a new date for the result (Decree 61/2018/NĐ-CP, the one-stop mechanism): whole working days later.
                var promised = calendar.AddWorkingTime(Instant.Max(statutory, at), Duration.FromHours(7.5 * rng.Next(1, 6)));
                return new Step(at, Staff(lead), new IssueApology(promised, Pick(rng, ApologyReasons)));
            }
            if (plan.Backlog) return null;
        }

        Instant resolveAt;
        if (apologised && State.ApologyDueAt is { } promisedAt && State.DueAt is { } statutoryDue)
            resolveAt = Working(Instant.Max(last, statutoryDue), calendar.WorkingTimeBetween(Instant.Max(last, statutoryDue), promisedAt) * Between(0.1, 0.9));
        else if (plan.Late && State.Cycle == 1 && due is { } lateAfter)
            resolveAt = Working(Instant.Max(last, lateAfter), Duration.FromHours(Between(2, 60)));
        else
            resolveAt = ShareOf(due, 0.25, 0.95, Duration.FromMinutes(Between(30, 120)));
        var answer = Pick(rng, plan.Kind == CaseKind.Dossier ? DossierAnswers : ReportAnswers);
        var evidence = Enumerable.Range(1, rng.Next(0, 3)).Select(k => $"demo/{plan.Index:D5}/evidence-{State.Cycle}-{k}.jpg").ToArray();
        return new Step(resolveAt, Staff(lead), new ResolveCase(answer, evidence));
    }

    Step? AfterResolution()
    {
        if (plan.Returned && !returned && State.Cycle == 1)
        {
            returned = true;
            return new Step(WorkingMinutes(60, 360), Operator(), new ReturnResolution(Pick(rng, ReturnReasons)));
        }
        if ((State.Cycle == 1 ? plan.Rating : plan.SecondRating) is { } score && ratedCycle < State.Cycle)
        {
            ratedCycle = State.Cycle;
            var comment = rng.NextDouble() < 0.4 ? Pick(rng, score >= 4 ? PraiseComments : ComplaintComments) : null;
            return new Step(CitizenAfter(1, 96), Citizen, new RateCase(score, comment));
        }
        if (plan.Reopen && !reopened && State.Cycle == 1)
        {
            reopened = true;
            return new Step(CitizenAfter(1, 48), Citizen, new ReopenCase(Pick(rng, ReopenReasons)));
        }
        return null;
    }

    /// <summary>After <paramref name="workingTime"/> of working time from <paramref name="from"/>.</summary>
    Instant Working(Instant from, Duration workingTime) => AfterLast(calendar.AddWorkingTime(from, workingTime));

    Instant WorkingMinutes(double min, double max) => Working(last, Duration.FromMinutes(Between(min, max)));

    /// <summary>
    /// A share of the working time left from the last step to <paramref name="due"/>; when little or none is
    /// left (or there is no due time), <paramref name="otherwise"/> of working time instead.
    /// </summary>
    Instant ShareOf(Instant? due, double min, double max, Duration otherwise)
    {
        var left = due is { } d ? calendar.WorkingTimeBetween(last, d) : Duration.Zero;
        return Working(last, left > Duration.FromMinutes(10) ? left * Between(min, max) : otherwise);
    }

    /// <summary>Citizens act at any waking hour: some hours after the last step, moved out of the night.</summary>
    Instant CitizenAfter(double minHours, double maxHours)
    {
        var at = last + Duration.FromMinutes(60 * Between(minHours, maxHours));
        var local = at.InZone(WorkingCalendar.Zone);
        if (local.Hour is < 6 or >= 23)
        {
            var morning = (local.Hour < 6 ? local.Date : local.Date.PlusDays(1)).At(new LocalTime(6, 30));
            at = morning.InZoneStrictly(WorkingCalendar.Zone).ToInstant() + Duration.FromMinutes(rng.Next(0, 180));
        }
        return AfterLast(at);
    }

    /// <summary>Never at or before the previous step: two commands of one case are at least half a minute apart.</summary>
    Instant AfterLast(Instant at) => Instant.Max(at, last + Duration.FromSeconds(30));
}
