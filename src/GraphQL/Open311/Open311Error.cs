namespace Cases.GraphQL.Open311;

/// <summary>
/// A refusal in the specification's error form (GeoReport v2, "Errors"): a list of <c>code</c> (the HTTP status)
/// and <c>description</c>, in the requested format. Thrown where a request is found wrong and answered by
/// <see cref="Open311Endpoints"/>, before anything is stored.
/// </summary>
public sealed class Open311Error(int status, string description) : Exception(description)
{
    public int Status { get; } = status;

    /// <summary>For a 429: when the client may try again (sent as <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Open311Error BadRequest(string description) => new(400, description);
    public static Open311Error Forbidden(string description) => new(403, description);
    public static Open311Error NotFound(string description) => new(404, description);

    public void Write(Open311Writer w)
    {
        w.BeginArray("errors");
        w.BeginObject("error");
        w.Field("code", (long)Status);
        w.Field("description", Message);
        w.EndObject();
        w.EndArray();
    }
}
