namespace Cases.Notifications;

/// <summary>A message ready for a channel: subject, text and HTML for e-mail and push; a template id and parameters for gateways.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html, string TemplateId, IReadOnlyDictionary<string, string> Parameters);

/// <summary>One update in a message: its kind and what its sentence needs (a reason, a question, the answer, a link).</summary>
public sealed record UpdateLine(string Kind, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// The templates per (kind, language), as plain C# interpolated strings in one file per language
/// (<c>NotificationTemplates.Vi.cs</c>, <c>.En.cs</c>), reviewed like code. Chosen over Fluid: the compiler checks
/// every placeholder and kind, there is no template syntax to learn or escape, and the handful of sentences does
/// not need a language of its own. Gateways (SMS, Zalo ZNS) take a template id and parameters instead: their
/// text is registered with the provider, so only the id and the values travel. A language without a sentence
/// falls back to Vietnamese.
/// </summary>
public static partial class NotificationTemplates
{
    public static RenderedMessage Reporter(NotificationLanguage language, string trackingCode, IReadOnlyList<UpdateLine> lines, string caseUrl, string? unsubscribeUrl)
    {
        var en = language == NotificationLanguage.En;
        var sentences = lines.Select(l => (en ? En(l) : null) ?? Vi(l)).ToList();
        var subject = lines.Count == 1
            ? (en ? EnSubject(lines[0].Kind, trackingCode) : null) ?? ViSubject(lines[0].Kind, trackingCode)
            : en ? $"{trackingCode}: {lines.Count} updates" : $"{trackingCode}: {lines.Count} cập nhật";
        var footer = en
            ? $"Follow the case: {caseUrl}\nStop these messages: {unsubscribeUrl}"
            : $"Theo dõi phản ánh: {caseUrl}\nNgừng nhận thông báo: {unsubscribeUrl}";
        var text = string.Join("\n\n", sentences) + "\n\n" + footer + "\n";
        var html = $"""
            <!doctype html><html lang="{(en ? "en" : "vi")}"><body style="font-family:sans-serif">
            {string.Concat(sentences.Select(s => $"<p>{Html(s)}</p>"))}
            <p><a href="{Html(caseUrl)}">{(en ? "Follow the case" : "Theo dõi phản ánh")} {Html(trackingCode)}</a></p>
            <p style="font-size:smaller"><a href="{Html(unsubscribeUrl ?? "")}">{(en ? "Stop these messages" : "Ngừng nhận thông báo")}</a></p>
            </body></html>
            """;
        var last = lines[^1];
        var parameters = new Dictionary<string, string>(last.Values) { ["tracking_code"] = trackingCode, ["updates"] = lines.Count.ToString() };
        return new RenderedMessage(subject, text, html, lines.Count == 1 ? last.Kind : "updates", parameters);
    }

    /// <summary>
    /// A browser notification: the subject as its title, the updates' sentences as its body, the case page as where
    /// a click goes (<c>Parameters["url"]</c>); the tracking code is its tag, so a later one replaces it on screen.
    /// </summary>
    public static RenderedMessage Push(NotificationLanguage language, string trackingCode, IReadOnlyList<UpdateLine> lines, string caseUrl)
    {
        var en = language == NotificationLanguage.En;
        var subject = lines.Count == 1
            ? (en ? EnSubject(lines[0].Kind, trackingCode) : null) ?? ViSubject(lines[0].Kind, trackingCode)
            : en ? $"{trackingCode}: {lines.Count} updates" : $"{trackingCode}: {lines.Count} cập nhật";
        var text = string.Join("\n", lines.Select(l => (en ? En(l) : null) ?? Vi(l)));
        return new RenderedMessage(subject, text, "", lines.Count == 1 ? lines[0].Kind : "updates",
            new Dictionary<string, string> { ["tracking_code"] = trackingCode, ["url"] = caseUrl });
    }

    /// <summary>A message to staff (an agency, the on-duty desk): Vietnamese, the administration's language.</summary>
    public static RenderedMessage Staff(string kind, string trackingCode, string text, string link)
    {
        var subject = ViSubject(kind, trackingCode);
        var body = text + "\n\n" + link + "\n";
        var html = $"""<!doctype html><html lang="vi"><body style="font-family:sans-serif"><p>{Html(text).Replace("\n", "<br>")}</p><p><a href="{Html(link)}">{Html(trackingCode)}</a></p></body></html>""";
        return new RenderedMessage(subject, body, html, kind, new Dictionary<string, string> { ["tracking_code"] = trackingCode });
    }

    // Only what HTML needs escaped: Vietnamese letters stay letters (WebUtility would write &#244; for ô).
    static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Html(string s) => Encoder.Encode(s);

    static string V(UpdateLine l, string key) => l.Values.GetValueOrDefault(key) ?? "";
}
