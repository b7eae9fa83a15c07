using Cases.GraphQL.Engine.Http;

namespace Cases.GraphQL.Conformance.Server;

/// <summary>What the context factory makes for each request: the caller (the X-Actor header) and a counter for serial mutations.</summary>
public sealed class RequestContext(string? actor)
{
    /// <summary>The context for a caller; "intruder" is refused with 403, to show how a host rejects a caller.</summary>
    public static RequestContext For(string? actor) => actor == "intruder"
        ? throw new GraphQLHttpException(StatusCodes.Status403Forbidden, "This caller may not use the API.", "FORBIDDEN")
        : new RequestContext(actor);

    private int _counter;

    public string? Actor { get; } = actor;

    /// <summary>1, 2, 3, ... within one request; mutation fields run one after another, so the order is the document's.</summary>
    public int Increment() => Interlocked.Increment(ref _counter);
}
