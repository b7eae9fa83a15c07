using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Engine.Http;
using Cases.GraphQL.Host;
using Cases.GraphQL.Schema;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;
using Npgsql;

namespace Cases.GraphQL.Media;

/// <summary>
/// <c>POST /media</c> takes one photo (multipart/form-data, field <c>file</c>) and answers its id, to name in
/// <c>submitCase(mediaRefs)</c>, <c>provideInformation(mediaRefs)</c> or <c>resolveCase(evidenceRefs)</c>;
/// <c>GET /media/{id}</c> and <c>/media/{id}/thumbnail</c> serve it once it is public. Errors are JSON in the
/// GraphQL shape, <c>{"errors":[{"message", "extensions":{"code"}}]}</c>, so clients read both the same way.
/// </summary>
public static class MediaEndpoints
{
    /// <summary>A stored photo never changes (a new upload is a new id), so any cache may keep it for a year.</summary>
    public const string PublicCache = "public, max-age=31536000, immutable";

    public static void AddCasesMedia(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddSingleton(new MediaLimits());
        builder.Services.AddSingleton(sp => new MediaProcessor(sp.GetRequiredService<MediaLimits>()));
        builder.Services.AddSingleton(sp => new UploadRateLimit(new Cases.Access.SharedRateLimit(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<IClock>(), "uploads", config.GetValue("Media:UploadsPerMinute", 60))));
        builder.Services.AddSingleton(sp => MediaStore.From(config, sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton(sp => new MediaCatalog(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IMediaBlobs>(),
            sp.GetRequiredService<MediaProcessor>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<Serilog.ILogger>()));
        builder.Services.AddHostedService(sp => new MediaCleanup(sp.GetRequiredService<MediaCatalog>(), sp.GetRequiredService<Serilog.ILogger>()));
    }

    public static void MapMedia(this WebApplication app)
    {
        app.MapPost("/media", UploadAsync).DisableAntiforgery();
        app.MapGet("/media/{id:guid}", (HttpContext http, Guid id, MediaCatalog catalog, Authentication auth, StaffAccounts accounts, NpgsqlDataSource db, Serilog.ILogger log) => ServeAsync(http, id, MediaVariant.Full, catalog, auth, accounts, db, log));
        app.MapGet("/media/{id:guid}/thumbnail", (HttpContext http, Guid id, MediaCatalog catalog, Authentication auth, StaffAccounts accounts, NpgsqlDataSource db, Serilog.ILogger log) => ServeAsync(http, id, MediaVariant.Thumbnail, catalog, auth, accounts, db, log));
    }

    static async Task<IResult> UploadAsync(HttpContext http, MediaCatalog catalog, UploadRateLimit rate, Authentication auth, Serilog.ILogger log)
    {
        var limits = catalog.Limits;
        http.Response.Headers.CacheControl = "no-store";
        // Before the body is read: a refused client costs nothing but this answer.
        if (await rate.RefuseAsync(auth.IpHash(http), http.RequestAborted) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(MediaError.RateLimited, $"Too many uploads from this client; try again in {(int)wait.TotalSeconds} s.", 429);
        }
        // Kestrel stops reading past the limit (a multipart envelope's few hundred bytes over the photo's own).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limits.MaxBytes + 64 * 1024;
        if (!http.Request.HasFormContentType)
            return Error(MediaError.Missing, "Send the photo as multipart/form-data, in a field named 'file'.", 400);
        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (form.Files.GetFile("file") is not { } file)
                return Error(MediaError.Missing, "Send the photo as multipart/form-data, in a field named 'file'.", 400);
            if (form.Files.Count > 1) return Error(MediaError.Missing, "One photo per upload.", 400);
            if (file.Length > limits.MaxBytes)
                return Error(MediaError.TooLarge, $"A photo has at most {limits.MaxBytes / (1024 * 1024)} MB.", 413);
            var bytes = new byte[file.Length];
            await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(bytes, http.RequestAborted);

            var upload = await catalog.UploadAsync(bytes, http.RequestAborted);
            log.ForContext("CorrelationId", http.CorrelationId()).Information("Stored upload {MediaId} ({Width}x{Height}, {Bytes} bytes)",
                upload.Id, upload.Width, upload.Height, upload.Bytes);
            return Results.Json(new
            {
                id = upload.Id, url = $"/media/{upload.Id}", thumbnailUrl = $"/media/{upload.Id}/thumbnail",
                width = upload.Width, height = upload.Height, bytes = upload.Bytes,
            }, statusCode: 201);
        }
        catch (MediaError e) when (e.Code == MediaError.StoreUnavailable)
        {
            return StoreFailed(http, log, e, "Upload not stored: the media store failed");
        }
        catch (MediaError e)
        {
            log.ForContext("CorrelationId", http.CorrelationId()).Information("Upload refused: {Code} {Reason}", e.Code, e.Message);
            return Error(e.Code, e.Message, e.Status);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return Error(MediaError.TooLarge, $"A photo has at most {limits.MaxBytes / (1024 * 1024)} MB.", 413);
        }
        catch (InvalidDataException)
        {
            // The multipart body itself is malformed.
            return Error(MediaError.Missing, "The multipart body cannot be read.", 400);
        }
    }

    /// <summary>The store behind the catalogue failed: logged with its cause, and a 503 the client may retry soon.</summary>
    static IResult StoreFailed(HttpContext http, Serilog.ILogger log, MediaError e, string message, params object?[] values)
    {
        log.ForContext("CorrelationId", http.CorrelationId()).Error(e.InnerException ?? e, message, values);
        http.Response.Headers.RetryAfter = "5";
        return Error(e.Code, e.Message, e.Status);
    }

    static async Task<IResult> ServeAsync(HttpContext http, Guid id, MediaVariant variant, MediaCatalog catalog, Authentication auth,
        StaffAccounts accounts, NpgsqlDataSource db, Serilog.ILogger log)
    {
        http.Response.Headers.CacheControl = "no-store";
        var staff = false;
        // The console's <img> sends its session cookie (same origin, SameSite=Strict): a read, so no CSRF token is
        // asked, and a session that is over only means the public's answer.
        if (http.Request.Headers.Authorization.Count == 0 && http.Request.Cookies.TryGetValue(StaffCookie.Name, out var token))
            staff = (await accounts.SessionAsync(token, http.RequestAborted)).Item1 is not null;
        if (http.Request.Headers.Authorization.Count > 0)
        {
            try { staff = ((RequestContext)(await auth.ContextAsync(http))!).Actor.Role is not (Role.Public or Role.Citizen or Role.Partner); }
            catch (GraphQLHttpException e) { return Error(e.Code ?? "UNAUTHENTICATED", e.Message, e.StatusCode); }
        }
        // The reporter sees their own case's photos before verification, with the case's secret in a header (never in
        // the address, which logs and caches keep); answered like staff's, private and not stored.
        if (!staff && http.Request.Headers["X-Case-Secret"] is [{ Length: > 0 } secret])
            staff = await catalog.CaseOfAsync(id, http.RequestAborted) is { } caseId && await new CitizenSecrets(db).HoldsAsync(caseId, secret, http.RequestAborted);
        var etag = $"\"{id:N}-{(variant == MediaVariant.Full ? "f" : "t")}\"";
        byte[]? bytes;
        try { bytes = await catalog.ReadAsync(id, variant, staff, http.RequestAborted); }
        catch (MediaError e) when (e.Code == MediaError.StoreUnavailable)
        {
            return StoreFailed(http, log, e, "Photo {MediaId} not served: the media store failed", id);
        }
        if (bytes is null) return Error(MediaError.NotFound, "No public photo with this id.", 404);
        // Staff may see photos of unverified reports: those answers must not sit in a shared cache.
        http.Response.Headers.CacheControl = staff ? "private, no-store" : PublicCache;
        http.Response.Headers.ETag = etag;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch == etag) return Results.StatusCode(304);
        return Results.Bytes(bytes, "image/jpeg");
    }

    static IResult Error(string code, string message, int status)
    {
        return Results.Json(new { errors = new[] { new { message, extensions = new { code } } } }, statusCode: status,
            contentType: "application/json");
    }
}
