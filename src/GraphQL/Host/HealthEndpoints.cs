namespace Cases.GraphQL.Host;

public static class HealthEndpoints
{
    public static void AddCasesHost(this WebApplicationBuilder builder) { }

    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "live" }));
    }
}
