using Cases.Domain;
using Cases.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>A public case as a marker: where (coarsened, ~110 m), what and how far along.</summary>
public sealed record MapPoint(string TrackingCode, PublicStatus Status, string Category, string Ward, GeoPoint Location, Instant ReceivedAt, bool Overdue);

/// <summary>Open and overdue public cases of a ward, placed at the middle of their (coarsened) locations.</summary>
public sealed record WardPoint(string Ward, GeoPoint Location, long Open, long Overdue);

/// <summary>
/// The map's reads (issue 14), from projections.public_cases like the list: markers rather than pages, so a map
/// shows a whole period at once. Overdue: open (not resolved, closed or rejected) past its effective due time.
/// </summary>
public sealed class PublicMapQueries(NpgsqlDataSource db)
{
    public const int MaxPoints = 5000;

    const string Open = "public_status not in ('resolved', 'closed', 'rejected')";
    // A case without a due time yet is not overdue (null would be neither).
    const string Overdue = $"coalesce({Open} and coalesce(extended_due_at, due_at) < $1, false)";

    public async Task<IReadOnlyList<MapPoint>> PointsAsync(PublicCaseFilter f, Instant now, int limit, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"""
            select tracking_code, public_status, category, ward, latitude, longitude, received_at, {Overdue}
            from projections.public_cases
            where latitude is not null
              and ($2::text is null or category = $2) and ($3::text is null or public_status = $3)
              and ($4::timestamptz is null or received_at >= $4) and ($5::timestamptz is null or received_at < $5)
              and ($6::text is null or ward = $6)
            order by received_at desc, tracking_code
            limit $7
            """).With(Param.Time(now), Param.Text(f.Category), Param.Text(f.Status is { } s ? Names.Snake(s) : null),
            Param.Time(f.ReceivedFrom), Param.Time(f.ReceivedTo), Param.Text(f.Ward), Param.Int(Math.Clamp(limit, 1, MaxPoints)));
        var points = new List<MapPoint>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            points.Add(new MapPoint(r.GetString(0), Names.Parse<PublicStatus>(r.GetString(1)), r.GetString(2), r.GetString(3),
                new GeoPoint(r.GetDouble(4), r.GetDouble(5)), r.Time(6), r.GetBoolean(7)));
        return points;
    }

    public async Task<IReadOnlyList<WardPoint>> WardsAsync(Instant now, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"""
            select ward, avg(latitude), avg(longitude), count(*), count(*) filter (where {Overdue})
            from projections.public_cases
            where {Open} and latitude is not null
            group by ward
            order by ward
            """).With(Param.Time(now));
        var wards = new List<WardPoint>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            wards.Add(new WardPoint(r.GetString(0), new GeoPoint(Math.Round(r.GetDouble(1), 4), Math.Round(r.GetDouble(2), 4)), r.GetInt64(3), r.GetInt64(4)));
        return wards;
    }
}
