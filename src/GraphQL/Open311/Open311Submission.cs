using System.Net;
using System.Threading.RateLimiting;
using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Schema;
using Cases.GraphQL.Seeding;
using Cases.Handlers;
using Cases.Sla;

namespace Cases.GraphQL.Open311;

/// <summary>
/// GeoReport v2 "POST Service Request": checks every parameter, then sends <c>submitCase</c> through the same
/// Wolverine handler as GraphQL (<see cref="CaseCommands.SubmitAsync"/>), on the channel <c>open311</c> with the
/// partner's key named on the event. The contact fields become the private reporter contact (cases.reporters),
/// never an event or a public view. Nothing is stored unless every check passed.
/// </summary>
public sealed class Open311Submission(CaseCommands handler, ApiKeys keys, SubmissionLimits limits, SlaRulesSource sla, Serilog.ILogger log)
{
    const int MaxField = 200, MaxAddress = 500, MaxUrl = 2000;

    public sealed record Accepted(string TrackingCode, string Notice);

    public async Task<Accepted> SubmitAsync(Open311Params p, string correlationId, string ipHash, CancellationToken ct)
    {
        var key = p["api_key"] ?? throw Open311Error.Forbidden("api_key is required to submit a request.");
        var (actor, rejection) = await keys.AuthenticateAsync(key, ct);
        if (actor is null)
            throw Open311Error.Forbidden(rejection switch { KeyRejection.Revoked => "This api_key was revoked.", KeyRejection.Expired => "This api_key has expired.", _ => "Unknown api_key." });
        if (actor.Role != Role.Partner) throw Open311Error.Forbidden("Open311 submissions take a partner key (keys create --role partner).");
        var request = new RequestContext(actor, correlationId, ipHash);

        var code = p["service_code"] ?? throw Open311Error.BadRequest("service_code is required.");
        var service = Open311Services.Find(code) ?? throw Open311Error.NotFound($"Unknown service_code '{Open311Query.Cut(code)}'.");
        var description = p["description"] ?? throw Open311Error.BadRequest("description is required.");
        if (description.Length > CaseDecider.MaxDescriptionLength)
            throw Open311Error.BadRequest($"description is at most {CaseDecider.MaxDescriptionLength} characters.");
        var (location, ward) = Place(p);
        var contact = Contact(p);

        if (await limits.RefuseAsync(request, ct) is { } wait)
            throw new Open311Error(429, $"Too many requests from this api_key; try again in {(int)wait.TotalSeconds} s.") { RetryAfter = wait };

        var submission = new CaseSubmission(CaseKind.FieldReport, Channel.Open311, service.Category, description, location, ward, [], contact)
            { Client = actor.Id };
        var outcome = await handler.SubmitAsync(submission, new CommandEnvelope(actor, correlationId, ClientIpHash: ipHash), ct);
        switch (outcome)
        {
            case CommandOutcome.Done done:
                log.ForContext("CaseId", done.State.Id).ForContext("TrackingCode", done.State.TrackingCode).ForContext("CorrelationId", correlationId)
                    .Information("Open311 request {TrackingCode} received from {Client} for {ServiceCode}", done.State.TrackingCode, actor.Id, code);
                return new Accepted(done.State.TrackingCode, Notice(service, done.State));
            case CommandOutcome.Refused { Error: var e }:
                throw e.Code == DomainError.Forbidden ? Open311Error.Forbidden(e.Message) : Open311Error.BadRequest(e.Message);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    /// <summary>
    /// The place: <c>lat</c>/<c>long</c> inside the province (the ward is the nearest ward's centre), or an
    /// <c>address_string</c> that names a ward or commune (kept as the reporter's private address: an exact address
    /// is personal data, DESIGN 7). The operator's classification can correct the ward later.
    /// </summary>
    (GeoPoint? Location, string Ward) Place(Open311Params p)
    {
        var address = p["address_string"];
        if (address is { Length: > MaxAddress }) throw Open311Error.BadRequest($"address_string is at most {MaxAddress} characters.");
        if (p.Has("lat") || p.Has("long"))
        {
            if (!Number(p["lat"], out var lat) || !Number(p["long"], out var lon))
                throw Open311Error.BadRequest("lat and long must both be decimal degrees (WGS84).");
            var point = new GeoPoint(lat, lon);
            // The one map that knows the wards (Cases.Places): the same province and nearest-centre rule as the site's form.
            var ward = sla.Places.MapAt(SystemClockDate()).WardAt(point) ?? throw Open311Error.BadRequest("lat/long is outside the province.");
            return (point, ward.Name);
        }
        if (address is null) throw Open311Error.BadRequest("A place is required: lat and long, or address_string.");
        var normalized = address.Normalize(System.Text.NormalizationForm.FormC);
        var named = sla.Places.MapAt(SystemClockDate()).Units.Where(w => normalized.Contains(w.Name, StringComparison.OrdinalIgnoreCase)).MaxBy(w => w.Name.Length)
            ?? throw Open311Error.BadRequest("address_string must name a ward or commune of the province (e.g. 'phường Thuận Hóa'), or send lat and long.");
        return (null, named.Name);
    }

    static bool Number(string? text, out double value) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    static ReporterContact? Contact(Open311Params p)
    {
        string? Field(string name)
        {
            var v = p[name];
            return v is { Length: > MaxField } ? throw Open311Error.BadRequest($"{name} is at most {MaxField} characters.") : v;
        }
        var first = Field("first_name");
        var last = Field("last_name");
        var name = string.Join(" ", new[] { first, last }.OfType<string>()) is { Length: > 0 } n ? n : null;
        var email = Field("email");
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _)) throw Open311Error.BadRequest("email is not an e-mail address.");
        var contact = new ReporterContact(name, Field("phone"), email, p["address_string"])
        {
            DeviceId = Field("device_id"), AccountId = Field("account_id"), MediaUrl = MediaUrl(p["media_url"]),
        };
        return (contact.Name ?? contact.Phone ?? contact.Email ?? contact.Address ?? contact.DeviceId ?? contact.AccountId ?? contact.MediaUrl) is null ? null : contact;
    }

    /// <summary>
    /// <c>media_url</c> is kept as a reference and never fetched (not while the request waits, not later), so no
    /// client can make this server reach into its own network; an address that could only mean that (a file, the
    /// loopback, a private or link-local network) is refused as the mistake or probe it is.
    /// </summary>
    static string? MediaUrl(string? url)
    {
        if (url is null) return null;
        if (url.Length > MaxUrl || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
            throw Open311Error.BadRequest("media_url must be an http or https address.");
        var host = uri.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : host, out var ip) && !IsPublic(ip)))
            throw Open311Error.BadRequest("media_url must point at a public address.");
        return uri.AbsoluteUri;
    }

    static bool IsPublic(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return false;
        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            return !(ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal);
        var b = ip.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
    }

    /// <summary>The verification and resolution targets of the category, in words (GeoReport v2 <c>service_notice</c>).</summary>
    string Notice(Open311Service service, CaseState state)
    {
        var due = state.VerifyDueAt is { } v ? $" (hạn xác minh {Open311Time.Format(v)})" : "";
        if (sla.Real?.Policies.For(SlaCaseKind.FieldReport, service.Category) is SlaPolicy.FieldReport policy)
            return $"Phản ánh {state.TrackingCode} sẽ được xác minh trong {Hours(policy.Normal.Verify)} giờ làm việc{due} "
                + $"và xử lý trong {Hours(policy.Normal.Resolve)} giờ làm việc kể từ khi giao cho cơ quan xử lý "
                + $"(phản ánh khẩn cấp: {Hours(policy.Urgent.Verify)} và {Hours(policy.Urgent.Resolve)} giờ).";
        return $"Phản ánh {state.TrackingCode} đã được tiếp nhận{due}.";
    }

    static string Hours(NodaTime.Duration d) => d.TotalHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today in the province (the map in force today names the wards).</summary>
    static NodaTime.LocalDate SystemClockDate() => NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(WorkingCalendar.Zone).Date;
}
