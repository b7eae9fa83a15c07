using Serilog.Context;

namespace Cases.GraphQL.Host;

/// <summary>
/// Every request gets a correlation id (the client's <c>X-Correlation-Id</c> when it is sane, else a new one),
/// echoed in the response and pushed onto every log line of the request.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";

    public static void UseCorrelationIds(this WebApplication app) => app.Use(async (context, next) =>
    {
        var given = context.Request.Headers[Header].ToString();
        var id = given.Length is > 0 and <= 64 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? given : Guid.CreateVersion7().ToString("N");
        context.Items[Header] = id;
        context.Response.Headers[Header] = id;
        using (LogContext.PushProperty("CorrelationId", id))
            await next(context);
    });

    public static string CorrelationId(this HttpContext context) => context.Items[Header] as string ?? context.TraceIdentifier;
}
