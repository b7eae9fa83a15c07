using Cases.Domain;
using NodaTime;
using static Cases.Domain.CaseCommand;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// One command of a demo case: who sends it and when. <see cref="MasterIndex"/> marks a
/// <see cref="LinkDuplicate"/> whose master id is only known once that earlier case was submitted.
/// </summary>
internal sealed record Step(Instant At, Actor Actor, CaseCommand Command, int? MasterIndex = null);
