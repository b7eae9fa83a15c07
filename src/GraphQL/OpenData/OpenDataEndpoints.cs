using Cases.Projections.ReadApi;
using Microsoft.Net.Http.Headers;
using Npgsql;
using NodaTime;

namespace Cases.GraphQL.OpenData;

/// <summary>
/// Open data at <c>/open-data/</c>: the public cases as CSV and GeoJSON, the statistics tables as CSV, each with an
/// <c>ETag</c> and <c>Last-Modified</c> from the projection's position (a mirror's conditional request is answered
/// 304 without reading the table) and the licence as a <c>Link rel="license"</c>. The data dictionary and the
/// licence line are on the site's API page. An edge of its own: it reads the read models and nothing else.
/// </summary>
public static class OpenDataEndpoints
{
    public const string Licence = "https://creativecommons.org/licenses/by/4.0/";

    public static void AddCasesOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new PublicCasesExport(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton(sp => new StatisticsExport(new StatisticsQueries(sp.GetRequiredService<NpgsqlDataSource>())));
    }

    public static void MapOpenData(this WebApplication app)
    {
        app.MapGet("/open-data/cases.csv", (HttpContext http) => CasesAsync(http, CasesFormat.Csv));
        app.MapGet("/open-data/cases.geojson", (HttpContext http) => CasesAsync(http, CasesFormat.GeoJson));
        app.MapGet("/open-data/statistics.csv", StatisticsAsync);
    }

    static async Task CasesAsync(HttpContext http, CasesFormat format)
    {
        OpenDataFilter filter;
        try { filter = OpenDataFilter.Parse(name => http.Request.Query[name].FirstOrDefault()); }
        catch (OpenDataError e) { await BadRequest(http, e); return; }
        if (await NotModified(http, "public_cases", format.ToString())) return;
        http.Response.ContentType = format == CasesFormat.Csv ? "text/csv; charset=utf-8; header=present" : "application/geo+json";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"cases.{(format == CasesFormat.Csv ? "csv" : "geojson")}\"";
        await http.RequestServices.GetRequiredService<PublicCasesExport>().WriteAsync(filter, format, http.Response.Body, null, http.RequestAborted);
    }

    static async Task StatisticsAsync(HttpContext http)
    {
        StatisticsPeriod period;
        try { period = Period(http.Request.Query["from"].FirstOrDefault(), http.Request.Query["to"].FirstOrDefault(), http.RequestServices.GetRequiredService<IClock>().GetCurrentInstant()); }
        catch (OpenDataError e) { await BadRequest(http, e); return; }
        if (await NotModified(http, "sla", "statistics")) return;
        http.Response.ContentType = "text/csv; charset=utf-8; header=present";
        http.Response.Headers.ContentDisposition = "inline; filename=\"statistics.csv\"";
        await http.RequestServices.GetRequiredService<StatisticsExport>().WriteAsync(period, http.Response.Body, http.RequestAborted);
    }

    /// <summary>Whole local months <c>from</c> to <c>to</c> (<c>2026-03</c>), by default the twelve up to this one; at most ten years.</summary>
    public static StatisticsPeriod Period(string? from, string? to, Instant now)
    {
        static YearMonth? Month(string? text, string field) => string.IsNullOrWhiteSpace(text) ? null
            : NodaTime.Text.YearMonthPattern.Iso.Parse(text.Trim()) is { Success: true } m ? m.Value
            : throw new OpenDataError(field, $"{field} is a month such as 2026-03.");
        var end = Month(to, "to") ?? now.InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToYearMonth();
        var start = Month(from, "from") ?? end.OnDayOfMonth(1).PlusMonths(-11).ToYearMonth();
        if (start.CompareTo(end) > 0) throw new OpenDataError("to", "to must not be before from.");
        if (start.OnDayOfMonth(1).PlusMonths(120).CompareTo(end.OnDayOfMonth(1)) <= 0) throw new OpenDataError("from", "A period is at most ten years.");
        return new StatisticsPeriod(start, end);
    }

    static async Task<bool> NotModified(HttpContext http, string projection, string variant)
    {
        var version = await OpenDataVersion.OfAsync(http.RequestServices.GetRequiredService<NpgsqlDataSource>(), projection, http.RequestAborted);
        var etag = version.ETag(variant + http.Request.QueryString.Value);
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(etag);
        if (version.UpdatedAt is { } updated) headers.LastModified = updated;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(60) };
        http.Response.Headers.Link = $"<{Licence}>; rel=\"license\"";
        var request = http.Request.GetTypedHeaders();
        var fresh = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag == etag)
            : request.IfModifiedSince is { } since && version.UpdatedAt is { } at && at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)) <= since;
        if (fresh) http.Response.StatusCode = StatusCodes.Status304NotModified;
        return fresh;
    }

    static Task BadRequest(HttpContext http, OpenDataError e)
    {
        http.Response.StatusCode = 400;
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new { code = "VALIDATION_FAILED", field = e.Field, message = e.Message });
    }
}
