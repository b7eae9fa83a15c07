using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Tests.Host;
using Cases.GraphQL;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The real app on a private database with the agencies and keys the API tests use: an operator, two agencies,
/// an auditor and an admin. Submissions and uploads are not rate-limited here except where a test asks; a fixture
/// that needs other settings (the S3 media store, a low limit) derives from this one and adds them in
/// <see cref="Configure"/>.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    readonly HostDatabase db = new();
    public CasesAppFactory App { get; private set; } = null!;
    public HostDatabase Database => db;

    /// <summary>The app's clock: real time at the start, moved by tests that need a deadline to pass.</summary>
    public NodaTime.Testing.FakeClock Clock { get; } = new(SystemClock.Instance.GetCurrentInstant());

    /// <summary>Waits until every projection has caught up with the event store (with a deadline).</summary>
    public async Task Projected()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var lag = (await Client().Send("{ freshness { lagEvents } }")).Ok()["freshness"]!["lagEvents"]!.GetValue<int>();
            if (lag == 0) return;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("Projections did not catch up within 60 s.");
    }
    /// <summary>Every line the app logged through its Serilog logger, rendered with its properties.</summary>
    public LogCapture Logs { get; } = new();

    public string OperatorKey { get; private set; } = "";
    public string AgencyAKey { get; private set; } = "";
    public string AgencyBKey { get; private set; } = "";
    public string AuditorKey { get; private set; } = "";
    public string AdminKey { get; private set; } = "";

    /// <summary>The staff accounts the console tests sign in with: the same roles as the keys.</summary>
    public const string Password = "mật-khẩu-thử-nghiệm-2026";
    public static readonly (string Login, Role Role, string? Agency)[] Staff =
        [("op.nguyen", Role.Operator, null), ("hepco.le", Role.Agency, "hepco"), ("sxd.tran", Role.Agency, "so-xay-dung"), ("audit.pham", Role.Auditor, null), ("admin.vo", Role.Admin, null)];

    /// <summary>The province's identity provider, as the tests play it: tokens signed with this key, for this issuer and audience.</summary>
    public static readonly Microsoft.IdentityModel.Tokens.SymmetricSecurityKey OidcKey = new(System.Text.Encoding.UTF8.GetBytes("test-signing-key-of-the-province-idp-0123456789"));
    public const string OidcIssuer = "https://idp.test.thuathienhue.gov.vn", OidcAudience = "cases";

    /// <summary>A bearer token from the test identity provider (signed with <paramref name="key"/>, by default the trusted one).</summary>
    public static string Jwt(string role, string? agency = null, Microsoft.IdentityModel.Tokens.SecurityKey? key = null, DateTime? expires = null, string subject = "u-1")
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role, ["name"] = "Cán bộ " + subject };
        if (agency is not null) claims["agency"] = agency;
        var now = DateTime.UtcNow;
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = OidcIssuer, Audience = OidcAudience, Claims = claims,
            NotBefore = (expires ?? now.AddHours(1)) < now ? now.AddHours(-2) : now.AddMinutes(-1), Expires = expires ?? now.AddHours(1),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(key ?? OidcKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Settings over the defaults below, for a derived fixture.</summary>
    protected virtual void Configure(IWebHostBuilder builder) { }

    public virtual async Task InitializeAsync()
    {
        await db.InitializeAsync();
        foreach (var (id, name) in new[] { ("so-xay-dung", "Sở Xây dựng"), ("hepco", "Công ty CP Môi trường và Công trình đô thị Huế (HEPCO)"), ("ubnd-phu-hoi", "UBND phường Phú Hội") })
            await db.ExecAsync("insert into cases.agencies (id, name, kind) values ($1, $2, 'department')", id, name);
        var keys = new ApiKeys(db.DataSource, SystemClock.Instance);
        OperatorKey = (await keys.CreateAsync(Role.Operator, null, "ioc")).Key;
        AgencyAKey = (await keys.CreateAsync(Role.Agency, "hepco", "hepco")).Key;
        AgencyBKey = (await keys.CreateAsync(Role.Agency, "so-xay-dung", "sxd")).Key;
        AuditorKey = (await keys.CreateAsync(Role.Auditor, null, "audit")).Key;
        AdminKey = (await keys.CreateAsync(Role.Admin, null, "admin")).Key;
        var staff = new StaffAccounts(db.DataSource, Clock, StaffAccountOptions.Default);
        foreach (var (login, role, agency) in Staff) await staff.CreateAsync(login, "Cán bộ " + login, role, agency, Password, "test");
        App = await CasesAppFactory.StartAsync(db.ConnectionString, b =>
        {
            b.UseSetting("Submissions:PerMinute", "100000");
            b.UseSetting("Media:UploadsPerMinute", "100000");
            // Cookie-signed live connections notice a signed-out session within a second (ConsoleLiveTests).
            b.UseSetting("Authentication:LiveSessionCheckSeconds", "1");
            b.UseSetting("Authentication:Oidc:Authority", OidcIssuer);
            b.UseSetting("Authentication:Oidc:Audience", OidcAudience);
            b.ConfigureServices(s =>
            {
                s.AddSingleton<IClock>(Clock);
                // ILogger's lines too (the endpoint logs there the exception behind an INTERNAL_ERROR, which
                // GraphQLResponse.Ok quotes), the frameworks' from warnings up.
                var logger = new Serilog.LoggerConfiguration().MinimumLevel.Debug()
                    .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
                    .MinimumLevel.Override("System", Serilog.Events.LogEventLevel.Warning)
                    .MinimumLevel.Override("Npgsql", Serilog.Events.LogEventLevel.Warning)
                    .MinimumLevel.Override("Marten", Serilog.Events.LogEventLevel.Warning)
                    .MinimumLevel.Override("Wolverine", Serilog.Events.LogEventLevel.Warning)
                    .MinimumLevel.Override("JasperFx", Serilog.Events.LogEventLevel.Warning)
                    .MinimumLevel.Override("Weasel", Serilog.Events.LogEventLevel.Warning)
                    .WriteTo.Sink(Logs).CreateLogger();
                s.AddSingleton<Serilog.ILogger>(logger);
                Serilog.SerilogServiceCollectionExtensions.AddSerilog(s, logger);
                // No metadata to fetch offline: the test provider's issuer and key are given directly.
                s.PostConfigure<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>(Schema.OidcClaims.Scheme, o =>
                {
                    o.ConfigurationManager = null;
                    o.TokenValidationParameters.ValidIssuer = OidcIssuer;
                    o.TokenValidationParameters.IssuerSigningKey = OidcKey;
                });
            });
            Configure(b);
        });
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await db.DisposeAsync();
    }

    public GraphQLClient Client(string? key = null) => new(App.CreateClient(), key) { Logs = Logs };

    /// <summary>Signs a staff member in as the console does and returns a client that sends the cookie and the CSRF token.</summary>
    public async Task<GraphQLClient> SignedIn(string login)
    {
        var http = App.CreateClient();
        using var response = await http.PostAsJsonAsync("/auth/sign-in", new { login, password = Password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (!response.IsSuccessStatusCode) throw new Xunit.Sdk.XunitException($"sign-in of {login} failed: {body}");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cases_session=", StringComparison.Ordinal)).Split(';')[0];
        return new GraphQLClient(http, null, cookie, body["csrfToken"]!.GetValue<string>()) { Logs = Logs };
    }
}

/// <summary>Posts GraphQL documents the way any client would, and reads the response as JSON.</summary>
public sealed class GraphQLClient(HttpClient http, string? key, string? cookie = null, string? csrf = null)
{
    public string? Cookie => cookie;
    public string? Csrf => csrf;

    /// <summary>The app's log, when known: a failed <see cref="GraphQLResponse.Ok"/> quotes the lines of its trace id.</summary>
    public LogCapture? Logs { get; init; }

    public async Task<GraphQLResponse> Send(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (csrf is not null) request.Headers.Add("X-CSRF-Token", csrf);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, text, JsonNode.Parse(text)!.AsObject()) { Logs = Logs };
    }
}

public sealed record GraphQLResponse(int Status, string Text, JsonObject Body)
{
    public JsonNode? Data => Body["data"];
    public JsonArray Errors => Body["errors"] as JsonArray ?? [];
    public string? Code => Errors.Count > 0 ? Errors[0]?["extensions"]?["code"]?.GetValue<string>() : null;

    public LogCapture? Logs { get; init; }

    /// <summary>
    /// The data, failing the test with the errors when there are any, and with the app's log lines about an
    /// unexpected error (its trace id), which the response itself masks.
    /// </summary>
    public JsonNode Ok()
    {
        if (Errors.Count == 0 && Data is not null) return Data;
        var traces = Errors.Select(e => e?["extensions"]?["traceId"]?.GetValue<string>()).OfType<string>().ToList();
        var lines = Logs is null ? [] : Logs.Lines.Where(l => traces.Any(t => l.Contains(t, StringComparison.Ordinal))).ToList();
        throw new Xunit.Sdk.XunitException($"GraphQL errors ({Status}): {Text}" + string.Concat(lines.Select(l => "\n  log: " + l)));
    }

    public override string ToString() => Text;
}

/// <summary>A Serilog sink that keeps each event as one line of text: the message and every property.</summary>
public sealed class LogCapture : Serilog.Core.ILogEventSink
{
    readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public void Emit(Serilog.Events.LogEvent e) =>
        lines.Enqueue(e.RenderMessage() + " " + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + e.Exception);
}
