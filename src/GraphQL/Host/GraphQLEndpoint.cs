using Cases.Access;
using Cases.EventStore;
using Cases.GraphQL.Engine.Http;
using Cases.GraphQL.Engine.Validation;
using Cases.GraphQL.Schema;
using Cases.Projections.Daemon;
using Cases.Projections.ReadApi;
using Npgsql;
using NodaTime;

namespace Cases.GraphQL.Host;

/// <summary>/graphql: the Cases schema over the engine's HTTP layer, with authentication and limits.</summary>
public static class GraphQLEndpoint
{
    public static void AddCasesGraphQL(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var perMinute = config.GetValue("Submissions:PerMinute", 30);
        // A partner system submits for many citizens from one key: its own bucket, sized for that (issue 23).
        var partnerPerMinute = config.GetValue("Partners:SubmissionsPerMinute", 120);
        builder.Services.AddSingleton(sp => new ApiKeys(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IClock>()));
        builder.Services.AddSingleton(sp => new StaffAccounts(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IClock>(),
            new StaffAccountOptions(Duration.FromHours(config.GetValue("Authentication:SessionHours", 8.0)),
                Duration.FromMinutes(config.GetValue("Authentication:LockOutMinutes", 15.0)))));
        var oidc = builder.AddOidcBearer();
        builder.Services.AddSingleton(sp => new Authentication(sp.GetRequiredService<ApiKeys>(), sp.GetRequiredService<StaffAccounts>(),
            new ClientIds(sp.GetRequiredService<NpgsqlDataSource>(), config["IpHashSalt"]), oidc)
        {
            // A cookie-signed live connection notices a revoked or expired session within this (Authentication.Live).
            LiveSessionCheck = TimeSpan.FromSeconds(config.GetValue("Authentication:LiveSessionCheckSeconds", 30.0)),
            ConsoleOrigins = (config["Authentication:ConsoleOrigins"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        });
        // Per-client limits on submissions (DESIGN 7), counted in PostgreSQL so that every node shares them; partner
        // keys have a bucket of their own, the same through GraphQL and Open311.
        builder.Services.AddSingleton(sp => new SubmissionLimits(
            new SharedRateLimit(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IClock>(), "submissions", perMinute),
            new SharedRateLimit(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IClock>(), "partner-submissions", partnerPerMinute)));
        builder.Services.AddSingleton(sp => new CaseMutations(
            sp.GetRequiredService<Handlers.CaseCommands>(), sp.GetRequiredService<CaseEventStore>(),
            new CitizenSecrets(sp.GetRequiredService<NpgsqlDataSource>()), sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<SubmissionLimits>(),
            sp.GetRequiredService<Media.MediaCatalog>(), sp.GetRequiredService<Projections.ReadApi.ReadYourWrites>()));
        builder.Services.AddSingleton(sp => new Calendar.CalendarAdmin(sp.GetRequiredService<Sla.SlaRulesSource>(), sp.GetRequiredService<Handlers.CaseCommands>(),
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<Serilog.ILogger>()));
        builder.Services.AddSingleton(sp => new AdminMap.AdminMapAdmin(sp.GetRequiredService<Sla.SlaRulesSource>(), sp.GetRequiredService<Handlers.CaseCommands>(),
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<Serilog.ILogger>()));
        builder.Services.AddSingleton(sp => new AuditQueries(sp.GetRequiredService<CaseEventStore>(), new ChainVerifier(sp.GetRequiredService<NpgsqlDataSource>())));
        builder.Services.AddSingleton(sp =>
        {
            var db = sp.GetRequiredService<NpgsqlDataSource>();
            // The staff work lists share one exact cache (issue 20): the consoles of a center ask the same pages.
            // Console:CacheWorkLists=false reads the tables every time (the console benchmark compares the two).
            var workLists = sp.GetRequiredService<IConfiguration>().GetValue("Console:CacheWorkLists", true) ? new ReadModelCache(db) : null;
            var reads = new PublicQueries(db, new PublicCaseQueries(db), new StatisticsQueries(db),
                sp.GetRequiredService<ProjectionMonitor>(), ((Sla.SlaRules)sp.GetRequiredService<Domain.ISlaRules>()).Policies, sp.GetRequiredService<IClock>(),
                sp.GetRequiredService<Sla.SlaRulesSource>());
            return CasesSchema.Build(sp.GetRequiredService<CaseMutations>(), sp.GetRequiredService<AuditQueries>(), reads.Fields(),
                new CalendarFields(sp.GetRequiredService<Calendar.CalendarAdmin>()),
                new StaffQueries(sp.GetRequiredService<CaseEventStore>(), new InboxQueries(db, workLists), new AgencyQueries(db, workLists), sp.GetRequiredService<StaffAccounts>(),
                    db, sp.GetRequiredService<Sla.SlaRulesSource>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<Serilog.ILogger>()),
                sp.GetRequiredService<LiveSubscriptions>().Build(reads.CaseType), sp.GetRequiredService<Notifications.NotificationFields>(),
                new AdminMapFields(sp.GetRequiredService<AdminMap.AdminMapAdmin>(), sp.GetRequiredService<Places.ProvinceIdentity>()));
        });
    }

    /// <summary>
    /// Bearer JWTs from the province's identity provider, when <c>Authentication:Oidc:Authority</c> is set: issuer,
    /// audience (<c>Authentication:Oidc:Audience</c>), lifetime and signature checked by JwtBearer against the
    /// authority's published keys.
    /// </summary>
    static OidcClaims? AddOidcBearer(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Authentication:Oidc");
        if (section["Authority"] is not { Length: > 0 } authority) return null;
        builder.Services.AddAuthentication().AddJwtBearer(OidcClaims.Scheme, o =>
        {
            o.Authority = authority;
            o.Audience = section["Audience"];
            o.MapInboundClaims = false; // keep "sub", "role", "agency" as the provider names them
            o.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
            o.TokenValidationParameters.ValidateAudience = section["Audience"] is { Length: > 0 };
        });
        return new OidcClaims(section["RoleClaim"] ?? "role", section["AgencyClaim"] ?? "agency");
    }

    public static void MapCasesGraphQL(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<Authentication>();
        app.UseWebSockets();
        var introspection = app.Configuration.GetValue("GraphQL:Introspection", true);
        // The engine's public-endpoint preset (limits, codes on request errors, GET, public caching), which the
        // conformance suite audits as it is; only what depends on this host's configuration is set here.
        var options = GraphQLHttpOptions.PublicEndpoint;
        var schema = app.Services.GetRequiredService<Engine.Types.Schema>();
        // Browsers opening /graphql get GraphiQL (src/GraphQL/frontend, bundled by scripts/frontend).
        app.UseGraphQLExplorer("/graphql", Path.Combine(app.Environment.WebRootPath ?? "wwwroot", "build", "explorer", "index.html"));
        app.MapGraphQL("/graphql", schema, options with
        {
            ContextFactory = auth.ContextAsync,
            // Without a key, introspection (the explorer) shows the public schema; a key shows the rest.
            IntrospectedSchema = PublicSchemaView.For(schema),
            PersistedDocuments = SitePersistedDocuments.Load(app),
            EnableIntrospection = introspection,
            // An anonymous GET that succeeds is public data, so a CDN or proxy may keep it briefly.
            PublicCacheMaxAge = TimeSpan.FromSeconds(app.Configuration.GetValue("GraphQL:PublicCacheSeconds", 30)),
            // Without introspection, "did you mean" hints would leak the schema's names.
            ValidationLimits = options.ValidationLimits with { HideSuggestions = !introspection },
        }, LiveUpdates.Options(app));
    }
}
