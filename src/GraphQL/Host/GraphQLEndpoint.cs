using System.Security.Cryptography;
using System.Threading.RateLimiting;
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
        builder.Services.AddSingleton(sp => new ApiKeys(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IClock>()));
        builder.Services.AddSingleton(sp => new StaffAccounts(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IClock>(),
            new StaffAccountOptions(Duration.FromHours(config.GetValue("Authentication:SessionHours", 8.0)),
                Duration.FromMinutes(config.GetValue("Authentication:LockOutMinutes", 15.0)))));
        var oidc = builder.AddOidcBearer();
        builder.Services.AddSingleton(sp => new Authentication(sp.GetRequiredService<ApiKeys>(), sp.GetRequiredService<StaffAccounts>(),
            config["IpHashSalt"] is { Length: > 0 } salt ? System.Text.Encoding.UTF8.GetBytes(salt) : RandomNumberGenerator.GetBytes(32), oidc));
        // Per-client token bucket on submissions (DESIGN 7): the public endpoint must not be a spam cannon.
        builder.Services.AddSingleton(PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute, TokensPerPeriod = perMinute, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
            })));
        builder.Services.AddSingleton(sp => new CaseMutations(
            sp.GetRequiredService<Handlers.CaseCommands>(), sp.GetRequiredService<CaseEventStore>(),
            new CitizenSecrets(sp.GetRequiredService<NpgsqlDataSource>()), sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<PartitionedRateLimiter<string>>()));
        builder.Services.AddSingleton(sp => new Calendar.CalendarAdmin(sp.GetRequiredService<Sla.SlaRulesSource>(), sp.GetRequiredService<Handlers.CaseCommands>(),
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<Serilog.ILogger>()));
        builder.Services.AddSingleton(sp => new AuditQueries(sp.GetRequiredService<CaseEventStore>(), new ChainVerifier(sp.GetRequiredService<NpgsqlDataSource>())));
        builder.Services.AddSingleton(sp =>
        {
            var db = sp.GetRequiredService<NpgsqlDataSource>();
            var reads = new PublicQueries(db, new PublicCaseQueries(db), new StatisticsQueries(db),
                sp.GetRequiredService<ProjectionMonitor>(), ((Sla.SlaRules)sp.GetRequiredService<Domain.ISlaRules>()).Policies, sp.GetRequiredService<IClock>());
            return CasesSchema.Build(sp.GetRequiredService<CaseMutations>(), sp.GetRequiredService<AuditQueries>(), reads.Fields(),
                new CalendarFields(sp.GetRequiredService<Calendar.CalendarAdmin>()),
                new StaffQueries(sp.GetRequiredService<CaseEventStore>(), new InboxQueries(db), new AgencyQueries(db), sp.GetRequiredService<StaffAccounts>(),
                    db, sp.GetRequiredService<Sla.SlaRulesSource>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<Serilog.ILogger>()));
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
        app.MapGraphQL("/graphql", app.Services.GetRequiredService<Engine.Types.Schema>(), new GraphQLHttpOptions
        {
            ContextFactory = auth.ContextAsync,
            MaxRequestBytes = 256 * 1024,
            EnableIntrospection = app.Configuration.GetValue("GraphQL:Introspection", true),
            CodeRequestErrors = true,
            // Queries may come by GET (never mutations: the engine answers 405). An anonymous GET that succeeds is
            // public data, so a CDN or proxy may keep it briefly; everything else says no-store.
            AllowGet = true,
            PublicCacheMaxAge = TimeSpan.FromSeconds(app.Configuration.GetValue("GraphQL:PublicCacheSeconds", 30)),
            // Public endpoint limits: deep or costly documents are refused before they run.
            ValidationLimits = new ValidationLimits
            {
                MaxDepth = 12, MaxCost = 20_000, MaxAliases = 50, MaxDocumentLength = 64 * 1024,
                // Without introspection, "did you mean" hints would leak the schema's names.
                HideSuggestions = !app.Configuration.GetValue("GraphQL:Introspection", true),
            },
        });
    }
}
