using Cases.GraphQL.Engine.Http.Live;
using Cases.GraphQL.Schema;
using Cases.Projections.Live;
using Cases.Projections.ReadApi;
using Npgsql;

namespace Cases.GraphQL.Host;

/// <summary>
/// Live updates on /graphql (issue 12): one LISTEN connection per node (<see cref="ProjectionChanges"/>), the
/// subscription root, and the transports' settings: graphql-transport-ws over WebSocket with the key in
/// <c>connection_init</c>, graphql-sse's distinct connections with the key in the Authorization header,
/// bounded per connection and per client (<c>GraphQL:Live:*</c>).
/// </summary>
public static class LiveUpdates
{
    public static void AddCasesLiveUpdates(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProjectionChanges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProjectionChanges>());
        builder.Services.AddSingleton<SubscriptionCounter>();
        builder.Services.AddSingleton(sp =>
        {
            var db = sp.GetRequiredService<NpgsqlDataSource>();
            return new LiveSubscriptions(sp.GetRequiredService<ProjectionChanges>(), new PublicCaseQueries(db), new AgencyQueries(db),
                sp.GetRequiredService<Cases.EventStore.CaseEventStore>());
        });
    }

    public static GraphQLLiveOptions Options(WebApplication app)
    {
        var config = app.Configuration.GetSection("GraphQL:Live");
        var auth = app.Services.GetRequiredService<Authentication>();
        return new GraphQLLiveOptions
        {
            ConnectionContextFactory = auth.ConnectionContextAsync,
            ClientKey = (_, context) => Authentication.ClientKey(context),
            Counter = app.Services.GetRequiredService<SubscriptionCounter>(),
            MaxSubscriptionsPerConnection = config.GetValue("MaxSubscriptionsPerConnection", 20),
            MaxSubscriptionsPerClient = config.GetValue("MaxSubscriptionsPerClient", 50),
            KeepAliveInterval = TimeSpan.FromSeconds(config.GetValue("KeepAliveSeconds", 15)),
            ConnectionInitTimeout = TimeSpan.FromSeconds(config.GetValue("ConnectionInitTimeoutSeconds", 10)),
        };
    }
}
