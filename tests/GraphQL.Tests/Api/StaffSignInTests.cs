using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The console's sign-in on the real pipeline: an HTTP-only, SameSite=Strict cookie with a CSRF token, lock-out after
/// repeated failures, sessions that expire and that sign-out revokes, disabled accounts, and bearer tokens from the
/// identity provider. Every refusal is a typed error, and no password or token reaches the logs.
/// </summary>
public sealed class StaffSignInTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    async Task<(HttpResponseMessage Response, JsonNode Body)> SignIn(string login, string password)
    {
        var response = await api.App.CreateClient().PostAsJsonAsync("/auth/sign-in", new { login, password });
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    async Task<string> NewUser(string role = "operator", string? agency = null)
    {
        var login = "u" + Guid.NewGuid().ToString("N")[..10];
        (await api.Client(api.AdminKey).Send("mutation($i: CreateUserInput!) { createUser(input: $i) { login } }",
            new { i = new { login, name = "Hồ Thị Lan", role = role.ToUpperInvariant(), agencyId = agency, password = ApiFixture.Password } })).Ok();
        return login;
    }

    [Fact]
    public async Task Signing_in_sets_an_http_only_strict_cookie_and_the_csrf_token_the_api_then_requires()
    {
        var (response, body) = await SignIn("op.nguyen", ApiFixture.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cases_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.ToLowerInvariant().Replace("samesite", ""), StringComparison.Ordinal); // plain HTTP here
        Assert.Equal("operator", body["role"]!.GetValue<string>());
        var token = cookie.Split(';')[0];
        var csrf = body["csrfToken"]!.GetValue<string>();

        var me = (await new GraphQLClient(api.App.CreateClient(), null, token, csrf).Send("{ me { role login name } }")).Ok()["me"]!;
        Assert.Equal("OPERATOR", me["role"]!.GetValue<string>());
        Assert.Equal("op.nguyen", me["login"]!.GetValue<string>());

        var noToken = await new GraphQLClient(api.App.CreateClient(), null, token).Send("{ me { role } }");
        Assert.Equal(403, noToken.Status);
        Assert.Equal("CSRF_TOKEN_INVALID", noToken.Code);
        var forged = await new GraphQLClient(api.App.CreateClient(), null, token, csrf[..^2] + "xx").Send("mutation { closeCase(input: { trackingCode: \"HUE-2026-000001\", reason: \"x\" }) { replayed } }");
        Assert.Equal("CSRF_TOKEN_INVALID", forged.Code);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_until_the_lock_out_ends()
    {
        var login = await NewUser();
        for (var i = 1; i < 5; i++)
        {
            var (wrong, body) = await SignIn(login, "not-the-password-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("SIGN_IN_FAILED", body["code"]!.GetValue<string>());
        }
        var (locked, lockBody) = await SignIn(login, "not-the-password-5");
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Equal("ACCOUNT_LOCKED", lockBody["code"]!.GetValue<string>());
        Assert.Equal("ACCOUNT_LOCKED", (await SignIn(login, ApiFixture.Password)).Body["code"]!.GetValue<string>());
        Assert.Equal(1L, await api.Database.ScalarAsync<long>("select count(*) from cases.staff_audit where login = $1 and event = 'locked'", login));
        Assert.Contains(api.Logs.Lines, l => l.Contains("locked until", StringComparison.Ordinal) && l.Contains(login, StringComparison.Ordinal));

        api.Clock.Advance(Duration.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await SignIn(login, ApiFixture.Password)).Response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_login_gets_the_same_answer_as_a_wrong_password()
    {
        var (response, body) = await SignIn("nobody.here", ApiFixture.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Wrong login or password.", body["message"]!.GetValue<string>());
        var (bad, badBody) = await SignIn("", "");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("BAD_REQUEST", badBody["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_session_expires_after_its_lifetime_and_sign_out_revokes_it_at_once()
    {
        var login = await NewUser();
        var expiring = await SignedIn(login);
        api.Clock.Advance(Duration.FromHours(8) + Duration.FromMinutes(1));
        var expired = await expiring.Send("{ me { role } }");
        Assert.Equal(401, expired.Status);
        Assert.Equal("SESSION_EXPIRED", expired.Code);

        var session = await SignedIn(login);
        Assert.Equal("OPERATOR", (await session.Send("{ me { role } }")).Ok()["me"]!["role"]!.GetValue<string>());
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-out");
        signOut.Headers.Add("Cookie", session.Cookie);
        signOut.Headers.Add("X-CSRF-Token", session.Csrf);
        var response = await api.App.CreateClient().SendAsync(signOut);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("SESSION_EXPIRED", (await session.Send("{ me { role } }")).Code);
        using var check = new HttpRequestMessage(HttpMethod.Get, "/auth/session");
        check.Headers.Add("Cookie", session.Cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.App.CreateClient().SendAsync(check)).StatusCode);
        Assert.Equal(1L, await api.Database.ScalarAsync<long>("select count(*) from cases.staff_audit where login = $1 and event = 'sign_out'", login));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_open_sessions_end()
    {
        var login = await NewUser();
        var session = await SignedIn(login);
        (await api.Client(api.AdminKey).Send("mutation($l: String!) { disableUser(input: { login: $l }) { disabled } }", new { l = login })).Ok();

        Assert.Equal("SESSION_EXPIRED", (await session.Send("{ me { role } }")).Code);
        var (response, body) = await SignIn(login, ApiFixture.Password);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("ACCOUNT_DISABLED", body["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Passwords_are_stored_as_identity_v3_hashes_and_neither_they_nor_tokens_reach_the_logs()
    {
        var login = await NewUser();
        var hash = (await api.Database.ScalarAsync<string>("select password_hash from cases.staff_users where login = $1", login))!;
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]); // ASP.NET Core Identity's version 3 format: PBKDF2 with a salt, 13 header bytes
        Assert.True(bytes.Length >= 13 + 16 + 32);
        Assert.DoesNotContain(ApiFixture.Password, hash, StringComparison.Ordinal);

        var session = await SignedIn(login);
        await SignIn(login, "a-wrong-password-123");
        Assert.NotEmpty(api.Logs.Lines);
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(ApiFixture.Password, StringComparison.Ordinal) || l.Contains("a-wrong-password-123", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(session.Cookie!.Split('=')[1], StringComparison.Ordinal) || l.Contains(session.Csrf!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Creating_an_account_with_bad_input_is_refused_naming_the_field_and_only_admins_may()
    {
        Assert.Equal("FORBIDDEN", (await api.Client(api.OperatorKey).Send("{ users { login } }")).Code);
        var weak = await api.Client(api.AdminKey).Send("mutation { createUser(input: { login: \"weak.pw\", name: \"A\", role: OPERATOR, password: \"short\" }) { login } }");
        Assert.Equal("VALIDATION_FAILED", weak.Code);
        Assert.Equal("password", weak.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        var noAgency = await api.Client(api.AdminKey).Send($"mutation {{ createUser(input: {{ login: \"no.agency\", name: \"A\", role: AGENCY, password: \"{ApiFixture.Password}\" }}) {{ login }} }}");
        Assert.Equal("agencyId", noAgency.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        var taken = await api.Client(api.AdminKey).Send($"mutation {{ createUser(input: {{ login: \"op.nguyen\", name: \"A\", role: OPERATOR, password: \"{ApiFixture.Password}\" }}) {{ login }} }}");
        Assert.Equal("login", taken.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_from_the_identity_provider_is_accepted_and_one_wrongly_signed_or_expired_is_refused()
    {
        var me = (await api.Client(ApiFixture.Jwt("agency", "hepco")).Send("{ me { role agencyId name } }")).Ok()["me"]!;
        Assert.Equal("AGENCY", me["role"]!.GetValue<string>());
        Assert.Equal("hepco", me["agencyId"]!.GetValue<string>());

        var forged = await api.Client(ApiFixture.Jwt("admin", key: new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[48]))).Send("{ me { role } }");
        Assert.Equal(401, forged.Status);
        Assert.Equal("INVALID_TOKEN", forged.Code);
        var expired = await api.Client(ApiFixture.Jwt("operator", expires: DateTime.UtcNow.AddMinutes(-30))).Send("{ me { role } }");
        Assert.Equal("INVALID_TOKEN", expired.Code);
        var noRole = await api.Client(ApiFixture.Jwt("citizen")).Send("{ me { role } }");
        Assert.Equal("FORBIDDEN", noRole.Code);
    }

    Task<GraphQLClient> SignedIn(string login) => api.SignedIn(login);
}
