namespace Cases.GraphQL.Open311;

/// <summary>
/// How a request is written (GeoReport v2 "GET Service Requests", response fields): <c>status</c> open or closed,
/// <c>status_notes</c> the public status in Vietnamese, the place as coarse as on the site (public_cases keeps it to
/// ~100 m), <c>media_url</c> the first public photo, <c>description</c> the public summary and absent until the
/// report is verified. Nothing about the reporter exists in what is written here.
/// </summary>
public static class RequestDocument
{
    public static readonly IReadOnlyDictionary<string, string> StatusNotes = new Dictionary<string, string>
    {
        ["received"] = "Đã tiếp nhận", ["verified"] = "Đã xác minh", ["in_progress"] = "Đang xử lý",
        ["waiting_for_citizen"] = "Chờ người dân bổ sung", ["resolved"] = "Đã xử lý", ["closed"] = "Đã kết thúc",
        ["rejected"] = "Không tiếp nhận",
    };

    public static void WriteList(Open311Writer w, IReadOnlyList<Open311Request> requests, string baseUrl, bool extensions)
    {
        w.BeginArray("service_requests");
        foreach (var r in requests) Write(w, r, baseUrl, extensions);
        w.EndArray();
    }

    static void Write(Open311Writer w, Open311Request r, string baseUrl, bool extensions)
    {
        var service = Open311Services.OfCategory(r.Category);
        w.BeginObject("request");
        w.Field("service_request_id", r.TrackingCode);
        w.Field("status", r.Status);
        w.Field("status_notes", StatusNotes.GetValueOrDefault(r.PublicStatus, r.PublicStatus));
        w.Field("service_name", service?.Name ?? r.Category);
        w.Field("service_code", service?.Code ?? r.Category);
        if (r.Summary is { } summary) w.Field("description", summary);
        w.Field("agency_responsible", r.AgencyName);
        w.Field("service_notice", null);
        w.Field("requested_datetime", Open311Time.Format(r.ReceivedAt));
        w.Field("updated_datetime", Open311Time.Format(r.UpdatedAt));
        w.Field("expected_datetime", r.ExpectedAt is { } e ? Open311Time.Format(e) : null);
        w.Field("address", r.Ward);
        w.Field("address_id", null);
        w.Field("zipcode", null);
        if (r.Latitude is { } lat && r.Longitude is { } lon)
        {
            w.Field("lat", lat);
            w.Field("long", lon);
        }
        w.Field("media_url", r.Photos.Length > 0 ? PhotoUrl(baseUrl, r.Photos[0]) : null);
        if (extensions)
        {
            w.BeginObject("extended_attributes");
            w.Field("detailed_status", r.PublicStatus);
            w.BeginArray("photos");
            foreach (var p in r.Photos) w.Item("photo", PhotoUrl(baseUrl, p));
            w.EndArray();
            w.BeginArray("steps");
            foreach (var s in r.Steps)
            {
                w.BeginObject("step");
                w.Field("code", s.Step);
                w.Field("datetime", Open311Time.Format(s.At));
                w.Field("agency", s.Agency);
                w.Field("text", s.Text);
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndObject();
    }

    /// <summary>A public photo's address on this server (GET /media/{id} serves only what public_cases lists).</summary>
    public static string PhotoUrl(string baseUrl, string id) => $"{baseUrl}/media/{id}";
}
