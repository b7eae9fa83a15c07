using Cases.Domain;
using JasperFx;
using Wolverine;

namespace Cases.Handlers;

/// <summary>
/// How the API and the seeder send commands: through Wolverine (<c>InvokeAsync</c>) to <see cref="CaseHandlers"/>.
/// A conflict that outlasted Wolverine's bounded retries becomes the typed <c>CASE_CONCURRENCY_CONFLICT</c>.
/// </summary>
public sealed class CaseCommands(IMessageBus bus)
{
    public Task<CommandOutcome> SubmitAsync(CaseSubmission submission, CommandEnvelope env, CancellationToken ct = default) =>
        InvokeAsync(new SubmitCaseMessage(submission, env), env, ct);

    public Task<CommandOutcome> HandleAsync(Guid caseId, CaseCommand command, CommandEnvelope env, CancellationToken ct = default) =>
        command is CaseCommand.SubmitCase
            ? throw new ArgumentException("Use SubmitAsync for new cases.", nameof(command))
            : InvokeAsync(new CaseCommandMessage(caseId, command, env), env, ct);

    async Task<CommandOutcome> InvokeAsync(object message, CommandEnvelope env, CancellationToken ct)
    {
        try
        {
            return await bus.InvokeAsync<CommandOutcome>(message, ct);
        }
        catch (ConcurrencyException)
        {
            return new CommandOutcome.Refused(new DomainError(DomainError.ConcurrencyConflict,
                "The case kept changing while this command was decided; send it again.", new Dictionary<string, object?>()));
        }
    }
}
