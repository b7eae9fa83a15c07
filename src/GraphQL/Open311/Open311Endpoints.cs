using System.Threading.RateLimiting;
using Cases.Access;
using Cases.GraphQL.Host;
using Cases.GraphQL.Schema;
using Cases.Handlers;
using Cases.Sla;
using Npgsql;
using NodaTime;

namespace Cases.GraphQL.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2/</c> (http://wiki.open311.org/GeoReport_v2): every route in <c>.xml</c>
/// (the specification's required format, <c>text/xml; charset=utf-8</c> with a declaration) and <c>.json</c>, the
/// format from the suffix. An edge of its own: it reads the public read models and submits through the same
/// handler as GraphQL, and nothing of the domain knows it exists.
/// </summary>
public static class Open311Endpoints
{
    public const string Root = "/open311/v2";

    /// <summary><c>Open311:JurisdictionId</c>: the province's id, named in discovery; a request naming another gets 404.</summary>
    public sealed record Open311Options(string JurisdictionId, string Contact);

    public static void AddCasesOpen311(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Open311");
        builder.Services.AddSingleton(new Open311Options(section["JurisdictionId"] ?? "hue.gov.vn",
            section["Contact"] ?? "Trung tâm Giám sát, điều hành đô thị thông minh thành phố Huế (IOC), hotline 1022"));
        builder.Services.AddSingleton(sp => new Open311Requests(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton(sp => new ServiceRequestUpdates(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton(sp => new Open311Submission(sp.GetRequiredService<CaseCommands>(), sp.GetRequiredService<ApiKeys>(),
            sp.GetRequiredService<SubmissionLimits>(), sp.GetRequiredService<SlaRulesSource>(), sp.GetRequiredService<Serilog.ILogger>()));
    }

    public static void MapOpen311(this WebApplication app) =>
        app.MapMethods(Root + "/{**path}", [HttpMethods.Get, HttpMethods.Post], (HttpContext http, string? path) => HandleAsync(http, path ?? ""));

    static async Task HandleAsync(HttpContext http, string path)
    {
        var dot = path.LastIndexOf('.');
        var format = dot < 0 ? (Open311Format?)null : path[(dot + 1)..] switch { "xml" => Open311Format.Xml, "json" => Open311Format.Json, _ => null };
        var buffer = new MemoryStream();
        int status;
        try
        {
            if (format is null) throw Open311Error.NotFound("Unknown format: end the route with .xml or .json.");
            status = await RouteAsync(http, path[..dot].Split('/'), format.Value, buffer);
        }
        catch (Open311Error e)
        {
            buffer.SetLength(0);
            using (var w = Open311Writer.For(format ?? Open311Format.Xml, buffer)) e.Write(w);
            status = e.Status;
            if (e.RetryAfter is { } wait) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = (format ?? Open311Format.Xml) == Open311Format.Xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = status == 200 && HttpMethods.IsGet(http.Request.Method) ? "public, max-age=30" : "no-store";
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    static async Task<int> RouteAsync(HttpContext http, string[] route, Open311Format format, Stream output)
    {
        var services = http.RequestServices;
        var p = new Open311Params(http.Request.Query, await FormAsync(http));
        var options = services.GetRequiredService<Open311Options>();
        if (p["jurisdiction_id"] is { } jurisdiction && jurisdiction != options.JurisdictionId)
            throw Open311Error.NotFound($"Unknown jurisdiction_id '{Open311Query.Cut(jurisdiction)}'; this server answers for {options.JurisdictionId}.");
        var post = HttpMethods.IsPost(http.Request.Method);
        if (post && route is not ["requests"]) throw new Open311Error(405, "Only requests takes a POST.");
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var ct = http.RequestAborted;

        switch (route)
        {
            case ["discovery"]:
                using (var w = Open311Writer.For(format, output)) Discovery(w, options, baseUrl);
                return 200;
            case ["services"]:
                using (var w = Open311Writer.For(format, output)) Open311Services.WriteList(w);
                return 200;
            case ["services", var code]:
                var service = Open311Services.Find(code) ?? throw Open311Error.NotFound($"Unknown service_code '{Open311Query.Cut(code)}'.");
                using (var w = Open311Writer.For(format, output)) Open311Services.WriteDefinition(w, service);
                return 200;
            case ["requests"] when post:
                var accepted = await services.GetRequiredService<Open311Submission>().SubmitAsync(p, http.CorrelationId(),
                    services.GetRequiredService<Authentication>().IpHash(http), ct);
                using (var w = Open311Writer.For(format, output))
                {
                    w.BeginArray("service_requests");
                    w.BeginObject("request");
                    w.Field("service_request_id", accepted.TrackingCode);
                    w.Field("service_notice", accepted.Notice);
                    w.Field("account_id", null);
                    w.EndObject();
                    w.EndArray();
                }
                return 200;
            case ["requests"]:
                var list = await services.GetRequiredService<Open311Requests>().ListAsync(Open311Query.Requests(p, now), ct);
                using (var w = Open311Writer.For(format, output)) RequestDocument.WriteList(w, list, baseUrl, Extensions(p));
                return 200;
            case ["requests", var id]:
                var one = await services.GetRequiredService<Open311Requests>().ListAsync(
                    new RequestsQuery([id], null, now, now, null, 1, 1, Extensions(p)), ct);
                if (one.Count == 0) throw Open311Error.NotFound($"No public request '{Open311Query.Cut(id)}'.");
                using (var w = Open311Writer.For(format, output)) RequestDocument.WriteList(w, one, baseUrl, Extensions(p));
                return 200;
            case ["tokens", _]:
                // Requests get their id at once (POST answers service_request_id), so no token is ever pending.
                throw Open311Error.NotFound("No such token: requests get their service_request_id at once.");
            case ["servicerequestupdates"]:
                var (from, to) = Open311Query.Window(p, now);
                var updates = await services.GetRequiredService<ServiceRequestUpdates>().ListAsync(from, to, Open311Query.MaxPageSize, ct);
                using (var w = Open311Writer.For(format, output)) ServiceRequestUpdates.Write(w, updates, baseUrl);
                return 200;
            default:
                throw Open311Error.NotFound($"No route {Root}/{Open311Query.Cut(string.Join('/', route))}.");
        }
    }

    static bool Extensions(Open311Params p) => p["extensions"] is { } e && bool.TryParse(e, out var b) && b;

    /// <summary>A POST's form body; one that cannot be read (too large a value, not a form) is a bad request, not a 500.</summary>
    static async Task<IFormCollection?> FormAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType) return null;
        try { return await http.Request.ReadFormAsync(http.RequestAborted); }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            throw Open311Error.BadRequest("The form body could not be read: a value is too large or the body is malformed.");
        }
    }

    /// <summary>GeoReport v2 "Service Discovery".</summary>
    static void Discovery(Open311Writer w, Open311Options options, string baseUrl)
    {
        const string changeset = "2026-12-04T00:00:00+07:00";
        w.BeginObject("discovery");
        w.Field("changeset", changeset);
        w.Field("contact", options.Contact);
        w.Field("key_service", $"{baseUrl}/#/api (partner keys: keys create --role partner)");
        w.Field("jurisdiction_id", options.JurisdictionId);
        w.BeginArray("endpoints");
        w.BeginObject("endpoint");
        w.Field("specification", "http://wiki.open311.org/GeoReport_v2");
        w.Field("url", baseUrl + Root);
        w.Field("changeset", changeset);
        w.Field("type", "production");
        w.BeginArray("formats");
        w.Item("format", "text/xml");
        w.Item("format", "application/json");
        w.EndArray();
        w.EndObject();
        w.EndArray();
        w.EndObject();
    }
}
