using Cases.Domain;
using Cases.Projections.Daemon;
using Npgsql;

namespace Cases.Projections.ReadApi;

/// <summary>
/// The transparency site's queries (DESIGN 5): the public case list, and one case with its timeline. They read
/// projections.public_cases and public_timeline only, which hold no personal data and no confidential case.
/// </summary>
public sealed class PublicCaseQueries(NpgsqlDataSource db)
{
    const string Columns = """
        tracking_code, kind, category, ward, latitude, longitude, channel, public_status, lead_agency, duplicate_of, cycle,
        received_at, verify_due_at, due_at, extended_due_at, resolved_at, on_time, public_answer, rating, apology_issued,
        apology_due_at, apology_text, updated_at, public_summary, photos, after_photos, progress_photos
        """;

    // Each filter is "parameter is null or column matches": unprepared, so PostgreSQL plans with the values and
    // drops the unused ones, and the list uses the (column, received_at desc, tracking_code) indexes.
    const string Filters = """
        ($1::text is null or kind = $1) and ($2::text is null or category = $2) and ($3::text is null or ward = $3)
        and ($4::text is null or lead_agency = $4) and ($5::text is null or public_status = $5)
        and ($6::timestamptz is null or received_at >= $6) and ($7::timestamptz is null or received_at < $7)
        """;

    /// <summary>
    /// A page of public cases, newest first (received_at desc, then tracking_code) or oldest first, after a cursor
    /// or, paging backwards, before one. Keyset paging: the cursor is the last item's sort key, so pages never
    /// repeat or skip a case however many arrive meanwhile.
    /// </summary>
    public async Task<Page<PublicCase>> ListAsync(PublicCaseFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var backward = page.Last is not null;
        var size = page.Last ?? page.First;
        if (size is < 1 or > PageRequest.MaxFirst)
            throw new ArgumentOutOfRangeException(nameof(page), size, $"A page holds 1 to {PageRequest.MaxFirst} items.");
        var cursor = (backward ? page.Before : page.After) is { } c ? PublicCaseCursor.Decode(c) : ((NodaTime.Instant, string)?)null;

        // Oldest first is the exact reverse of newest first, so both read the (received_at desc, tracking_code)
        // index, one of them backwards. Reading backwards is reading the opposite order after the cursor, then
        // reversing what was read.
        var newestFirst = !page.OldestFirst ^ backward;
        var (order, beyond) = newestFirst
            ? ("received_at desc, tracking_code", "received_at < $8 or (received_at = $8 and tracking_code > $9)")
            : ("received_at, tracking_code desc", "received_at > $8 or (received_at = $8 and tracking_code < $9)");

        await using var conn = await db.OpenConnectionAsync(ct);
        var items = new List<PublicCase>();
        await using (var cmd = new NpgsqlCommand($"""
            select {Columns} from projections.public_cases
            where {Filters}
              and ($8::timestamptz is null or {beyond})
            order by {order}
            limit $10
            """, conn).With([.. FilterParameters(filter), Param.Time(cursor?.Item1), Param.Text(cursor?.Item2), Param.Int(size + 1)]))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) items.Add(Read(r));

        var more = items.Count > size;
        if (more) items.RemoveAt(items.Count - 1);
        if (backward) items.Reverse();
        long? total = null;
        if (page.IncludeTotal)
        {
            await using var count = new NpgsqlCommand($"select count(*) from projections.public_cases where {Filters}", conn).With(FilterParameters(filter));
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        string? CursorOf(PublicCase x) => PublicCaseCursor.Encode(x.ReceivedAt, x.TrackingCode);
        return new Page<PublicCase>(items,
            EndCursor: items.Count > 0 ? CursorOf(items[^1]) : null,
            HasNextPage: backward ? cursor is not null : more,
            TotalCount: total,
            StartCursor: items.Count > 0 ? CursorOf(items[0]) : null,
            HasPreviousPage: backward ? more : cursor is not null);
    }

    /// <summary>One public case and its timeline; null when there is none (or it is confidential: the same answer, on purpose).</summary>
    public async Task<PublicCaseDetail?> GetAsync(string trackingCode, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        PublicCase? found = null;
        await using (var cmd = new NpgsqlCommand($"select {Columns} from projections.public_cases where tracking_code = $1", conn).With(Param.Text(trackingCode)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct)) found = Read(r);
        if (found is null) return null;

        var steps = new List<PublicTimelineStep>();
        await using (var cmd = new NpgsqlCommand("""
            select version, occurred_at, step, agency, public_text, due_at from projections.public_timeline
            where tracking_code = $1 order by version
            """, conn).With(Param.Text(trackingCode)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                steps.Add(new PublicTimelineStep(r.GetInt64(0), r.Time(1), r.GetString(2), r.TextOrNull(3), r.TextOrNull(4), r.TimeOrNull(5)));
        return new PublicCaseDetail(found, steps);
    }

    static NpgsqlParameter[] FilterParameters(PublicCaseFilter f) =>
    [
        Param.Text(f.Kind is { } k ? Names.Snake(k) : null), Param.Text(f.Category), Param.Text(f.Ward), Param.Text(f.Agency),
        Param.Text(f.Status is { } s ? Names.Snake(s) : null), Param.Time(f.ReceivedFrom), Param.Time(f.ReceivedTo),
    ];

    static PublicCase Read(NpgsqlDataReader r) => new(
        r.GetString(0), Names.Parse<CaseKind>(r.GetString(1)), r.GetString(2), r.GetString(3),
        r.DoubleOrNull(4) is { } lat && r.DoubleOrNull(5) is { } lon ? new GeoPoint(lat, lon) : null,
        Names.Parse<Channel>(r.GetString(6)), Names.Parse<PublicStatus>(r.GetString(7)), r.TextOrNull(8), r.TextOrNull(9), r.GetInt32(10),
        r.Time(11), r.TimeOrNull(12), r.TimeOrNull(13), r.TimeOrNull(14), r.TimeOrNull(15), r.BoolOrNull(16), r.TextOrNull(17),
        r.IntOrNull(18), r.GetBoolean(19), r.TimeOrNull(20), r.TextOrNull(21), r.Time(22))
    {
        Summary = r.TextOrNull(23), Photos = r.GetFieldValue<string[]>(24), AfterPhotos = r.GetFieldValue<string[]>(25),
        ProgressPhotos = r.GetFieldValue<string[]>(26),
    };
}
