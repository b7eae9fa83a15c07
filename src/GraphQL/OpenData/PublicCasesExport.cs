using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Cases.GraphQL.OpenData;

public enum CasesFormat { Csv, GeoJson }

/// <summary>
/// The public cases as open data, CSV or GeoJSON, read from projections.public_cases only (no reporter data is
/// there, confidential reports have no row) and streamed: rows are written as the database sends them, in chunks of
/// about 64 KB, so the memory held stays flat however many cases there are. The place is the one the site shows
/// (rounded to three decimals, ~100 m, by the projection). Times are local (+07:00), whole seconds.
/// </summary>
public sealed class PublicCasesExport(NpgsqlDataSource db)
{
    /// <summary>The columns, in order: the data dictionary on the site's API page defines each.</summary>
    public static readonly string[] Columns =
    [
        "tracking_code", "kind", "category", "ward", "latitude", "longitude", "channel", "status", "lead_agency",
        "received_at", "due_at", "extended_due_at", "resolved_at", "on_time", "rating", "summary", "public_answer",
    ];

    const string Local = "'YYYY-MM-DD\"T\"HH24:MI:SS\"+07:00\"'";

    /// <summary>The SELECT both formats read (and the benchmark's COPY baseline copies): the public columns only.</summary>
    public static readonly string Select = $"""
        select tracking_code, kind, category, ward, latitude, longitude, channel, public_status, lead_agency,
               to_char(received_at at time zone 'Asia/Ho_Chi_Minh', {Local}), to_char(due_at at time zone 'Asia/Ho_Chi_Minh', {Local}),
               to_char(extended_due_at at time zone 'Asia/Ho_Chi_Minh', {Local}), to_char(resolved_at at time zone 'Asia/Ho_Chi_Minh', {Local}),
               on_time, rating, public_summary, public_answer
        from projections.public_cases
        where ($1::timestamptz is null or received_at >= $1) and ($2::timestamptz is null or received_at < $2)
          and ($3::text is null or category = $3) and ($4::text is null or ward = $4) and ($5::text is null or public_status = $5)
        """;

    const int Chunk = 64 * 1024;

    public async Task<long> CountAsync(OpenDataFilter filter, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select count(*) from ({Select}) x");
        Bind(cmd, filter);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Writes every matching case, oldest first; returns how many. <paramref name="progress"/> hears every 10,000.</summary>
    public async Task<long> WriteAsync(OpenDataFilter filter, CasesFormat format, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(Select + " order by received_at, tracking_code", conn);
        Bind(cmd, filter);
        await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        return format == CasesFormat.Csv ? await CsvAsync(r, output, progress, ct) : await GeoJsonAsync(r, output, progress, ct);
    }

    static void Bind(NpgsqlCommand cmd, OpenDataFilter f)
    {
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)f.From?.ToDateTimeUtc() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)f.To?.ToDateTimeUtc() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        foreach (var v in new[] { f.Category, f.Ward, f.Status })
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)v ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }

    static async Task<long> CsvAsync(NpgsqlDataReader r, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        var sb = new StringBuilder(Chunk + 4096);
        sb.AppendJoin(',', Columns).Append("\r\n");
        long rows = 0;
        while (await r.ReadAsync(ct))
        {
            for (var i = 0; i < 17; i++)
            {
                if (i > 0) sb.Append(',');
                if (r.IsDBNull(i)) continue;
                switch (i)
                {
                    case 4 or 5: sb.Append(r.GetDouble(i).ToString("R", CultureInfo.InvariantCulture)); break;
                    case 13: sb.Append(r.GetBoolean(i) ? "true" : "false"); break;
                    case 14: sb.Append(r.GetInt32(i).ToString(CultureInfo.InvariantCulture)); break;
                    default: Csv.Append(sb, r.GetString(i)); break;
                }
            }
            sb.Append("\r\n");
            if (++rows % 10_000 == 0) progress?.Report(rows);
            if (sb.Length >= Chunk) await FlushAsync(sb, output, ct);
        }
        await FlushAsync(sb, output, ct);
        progress?.Report(rows);
        return rows;
    }

    static async Task FlushAsync(StringBuilder sb, Stream output, CancellationToken ct)
    {
        if (sb.Length == 0) return;
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(sb.Length));
        try
        {
            var n = 0;
            foreach (var chunk in sb.GetChunks()) n += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(n));
            await output.WriteAsync(bytes.AsMemory(0, n), ct);
        }
        finally { ArrayPool<byte>.Shared.Return(bytes); }
        sb.Clear();
    }

    /// <summary>RFC 7946: a FeatureCollection of Points ([longitude, latitude], WGS84); a case without a public place is left out.</summary>
    static async Task<long> GeoJsonAsync(NpgsqlDataReader r, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(Chunk + 8192);
        await using var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        long rows = 0;
        while (await r.ReadAsync(ct))
        {
            var values = new object?[17];
            for (var i = 0; i < 17; i++) values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            if (values[4] is not double lat || values[5] is not double lon) continue;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(lon);
            w.WriteNumberValue(lat);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            for (var i = 0; i < 17; i++)
            {
                if (i is 4 or 5) continue;
                switch (values[i])
                {
                    case null: w.WriteNull(Columns[i]); break;
                    case bool b: w.WriteBoolean(Columns[i], b); break;
                    case int n: w.WriteNumber(Columns[i], n); break;
                    default: w.WriteString(Columns[i], (string)values[i]!); break;
                }
            }
            w.WriteEndObject();
            w.WriteEndObject();
            if (++rows % 10_000 == 0) progress?.Report(rows);
            if (w.BytesPending + buffer.WrittenCount >= Chunk)
            {
                w.Flush();
                await output.WriteAsync(buffer.WrittenMemory, ct);
                buffer.ResetWrittenCount();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        await output.WriteAsync(buffer.WrittenMemory, ct);
        progress?.Report(rows);
        return rows;
    }
}

/// <summary>
/// RFC 4180 fields: quoted when they hold a comma, a quote or a line break, quotes doubled. A text that a spreadsheet
/// would run as a formula (it starts with = + - @, a tab or a carriage return, and is not a number) gets a leading
/// apostrophe (OWASP's advice on CSV injection): a public summary is the citizen's text, and the file is opened in
/// spreadsheets by journalists and statisticians.
/// </summary>
public static class Csv
{
    public static void Append(StringBuilder sb, string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) { sb.Append(value); return; }
        sb.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
    }
}
