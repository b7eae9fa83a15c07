using System.Text.Json;
using Cases.Access;
using Cases.GraphQL.Schema;
using NodaTime;

namespace Cases.GraphQL.Host;

/// <summary>
/// The console's sign-in (DESIGN 7): <c>POST /auth/sign-in</c> sets the HTTP-only, SameSite=Strict session cookie and
/// answers the CSRF token the page sends with every GraphQL POST; <c>GET /auth/session</c> says who is signed in;
/// <c>POST /auth/sign-out</c> revokes the session. Errors are JSON with a <c>code</c>, never a stack trace.
/// Passwords and tokens are never logged.
/// </summary>
public static class StaffAuthEndpoints
{
    sealed record SignIn(string? Login, string? Password);

    public static void MapStaffAuth(this WebApplication app)
    {
        var group = app.MapGroup("/auth");

        group.MapPost("/sign-in", async (HttpContext http, StaffAccounts staff, Authentication auth, Serilog.ILogger log) =>
        {
            SignIn? body;
            try { body = await http.Request.ReadFromJsonAsync<SignIn>(http.RequestAborted); }
            catch (JsonException) { body = null; }
            if (body is not { Login.Length: > 0, Password.Length: > 0 })
                return Error(400, "BAD_REQUEST", "Send JSON {\"login\": ..., \"password\": ...}.");

            var (session, refusal, lockedUntil) = await staff.SignInAsync(body.Login, body.Password, auth.IpHash(http), http.CorrelationId(), http.RequestAborted);
            var who = log.ForContext("Login", body.Login.Trim().ToLowerInvariant());
            switch (refusal)
            {
                case SignInRefusal.Locked:
                    who.Warning("Sign-in refused: the account is locked until {LockedUntil}", lockedUntil);
                    return Results.Json(new { code = "ACCOUNT_LOCKED", message = $"Too many failed sign-ins: the account is locked until {Local(lockedUntil!.Value)}.", lockedUntil = lockedUntil.ToString() }, statusCode: 423);
                case SignInRefusal.Disabled:
                    who.Warning("Sign-in refused: the account is disabled");
                    return Error(403, "ACCOUNT_DISABLED", "This account is disabled. Ask an administrator.");
                case SignInRefusal.WrongLoginOrPassword:
                    who.Information("Sign-in refused: wrong login or password");
                    return Error(401, "SIGN_IN_FAILED", "Wrong login or password.");
            }
            http.Response.Cookies.Append(StaffCookie.Name, session!.Token, StaffCookie.Options(http, session.ExpiresAt.ToDateTimeOffset()));
            who.Information("Signed in as {Role} until {ExpiresAt}", session.User.Role, session.ExpiresAt);
            return Results.Ok(Describe(session));
        });

        group.MapGet("/session", async (HttpContext http, StaffAccounts staff) =>
        {
            if (!http.Request.Cookies.TryGetValue(StaffCookie.Name, out var token)) return Error(401, "NOT_SIGNED_IN", "Not signed in.");
            var (session, _) = await staff.SessionAsync(token, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return session is null ? Error(401, "SESSION_EXPIRED", "Your session has expired or was signed out; sign in again.") : Results.Ok(Describe(session));
        });

        group.MapPost("/sign-out", async (HttpContext http, StaffAccounts staff, Authentication auth, Serilog.ILogger log) =>
        {
            if (!http.Request.Cookies.TryGetValue(StaffCookie.Name, out var token)) return Error(401, "NOT_SIGNED_IN", "Not signed in.");
            var (session, _) = await staff.SessionAsync(token, http.RequestAborted);
            http.Response.Cookies.Delete(StaffCookie.Name, StaffCookie.Options(http, null));
            if (session is null) return Results.NoContent();
            if (http.Request.Headers[Authentication.CsrfHeader] != session.CsrfToken)
                return Error(403, "CSRF_TOKEN_INVALID", $"Sign-out must carry the session's {Authentication.CsrfHeader} header.");
            await staff.SignOutAsync(session, http.CorrelationId(), auth.IpHash(http), http.RequestAborted);
            log.ForContext("Login", session.User.Login).Information("Signed out");
            return Results.NoContent();
        });
    }

    static object Describe(StaffSession s) => new
    {
        login = s.User.Login, name = s.User.Name, role = ApiKeys.RoleName(s.User.Role), agencyId = s.User.AgencyId,
        csrfToken = s.CsrfToken, expiresAt = s.ExpiresAt.ToString(),
    };

    static IResult Error(int status, string code, string message) => Results.Json(new { code, message }, statusCode: status);

    static string Local(Instant at) => at.InZone(Sla.WorkingCalendar.Zone).ToString("HH:mm dd/MM/uuuu", null);
}
