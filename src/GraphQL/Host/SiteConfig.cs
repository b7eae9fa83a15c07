namespace Cases.GraphQL.Host;

/// <summary>
/// /site-config.json: what the static site cannot know by itself. The map's tile URL template (<c>Map:TileUrl</c>,
/// env <c>CASES_Map__TileUrl</c>) and attribution default to OpenStreetMap's standard tiles; a province's own tile
/// server, or a loopback address in tests that run offline, is one setting away. The staff console polls its live
/// pages every <c>Console:PollSeconds</c> (10; 0: never) while it has no live connection.
/// </summary>
public static class SiteConfig
{
    public const string OsmTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public const string OsmAttribution = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    public static void MapSiteConfig(this WebApplication app)
    {
        var tileUrl = app.Configuration["Map:TileUrl"] is { Length: > 0 } url ? url : OsmTiles;
        var attribution = app.Configuration["Map:TileAttribution"] is { Length: > 0 } a ? a : OsmAttribution;
        var consolePollSeconds = Math.Max(0, app.Configuration.GetValue("Console:PollSeconds", 10));
        // Who the province is (issue 24, Province:*): the pages' names, the tracking-code prefix and the bounding box
        // the report form checks before sending (the server checks again).
        var p = app.Services.GetRequiredService<Cases.Places.ProvinceIdentity>();
        var province = new
        {
            name = p.Name, nameEn = p.NameEn, shortName = p.ShortName, trackingPrefix = p.TrackingPrefix, defaultLanguage = p.DefaultLanguage,
            bounds = new { minLat = p.Bounds.MinLatitude, maxLat = p.Bounds.MaxLatitude, minLon = p.Bounds.MinLongitude, maxLon = p.Bounds.MaxLongitude },
        };
        app.MapGet("/site-config.json", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Json(new { tileUrl, tileAttribution = attribution, consolePollSeconds, province });
        });
    }
}
