using Cases.Domain;
using Marten;
using static Cases.Domain.CaseEvent;

namespace Cases.Handlers;

/// <summary>
/// Links uploaded media to the case whose event first references it, in the same Marten session as the event,
/// so an upload is either part of a committed case or still unattached (and removed after a day), never half of
/// each. The API has already checked that each id is an upload of its own, not yet attached and not expired.
/// </summary>
public static class MediaLinks
{
    /// <summary>The media ids an event references (refs that are not ids, such as a document number, are not media).</summary>
    public static IReadOnlyList<Guid> Of(CaseEvent e) => (e switch
    {
        CaseReceived r => r.MediaRefs,
        InformationProvided p => p.MediaRefs,
        ProgressNoted n => n.MediaRefs,
        CaseResolved r => r.EvidenceRefs,
        _ => [],
    }).Select(r => Guid.TryParse(r, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();

    public static void Queue(IDocumentSession session, Guid caseId, IEnumerable<CaseEvent> events)
    {
        var ids = events.SelectMany(Of).Distinct().ToArray();
        if (ids.Length == 0) return;
        session.QueueSqlCommand("update cases.media set case_id = ?, attached_at = now() where id = any(?) and case_id is null", caseId, ids);
    }
}
