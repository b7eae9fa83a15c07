using Cases.EventStore;
using Cases.GraphQL.Seeding;
using Cases.GraphQL.Tests.Host;

namespace Cases.GraphQL.Tests.Seeding;

public class DemoDataTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    readonly HostDatabase db = seeded.Database;

    [Fact]
    public async Task The_agencies_in_force_are_today_s_with_Vietnamese_names_and_the_ones_the_reforms_ended_name_their_successor()
    {
        // Today's Huế (issue 24): the city's departments after the 2025 mergers, a committee and a police station per
        // ward and commune of 1 July 2025, no district level.
        var inForce = await db.ScalarAsync<long>("select count(*) from cases.agencies where ended_on is null");
        Assert.Equal(Cases.Places.MapLibrary.Embedded().InForce(new NodaTime.LocalDate(2026, 11, 20)).Agencies.Count, inForce);
        Assert.InRange(inForce, 100, 160);
        // The tourism reports' wards are today's too (a reform that renames them must be swept here as well).
        Assert.All(Cases.GraphQL.Seeding.DemoPlan.TouristWards, w => Assert.Contains(w, Cases.GraphQL.Seeding.Wards.All.Select(x => x.Name)));
        foreach (var (id, name) in new[]
        {
            ("so-xay-dung", "Sở Xây dựng"), ("so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường"),
            ("ubnd-p-phu-xuan-2025", "UBND phường Phú Xuân"), ("ca-p-thuan-hoa-2025", "Công an phường Thuận Hóa"),
        })
            Assert.Equal(name, await db.ScalarAsync<string>("select name from cases.agencies where id = $1 and ended_on is null", id));
        Assert.Contains("HEPCO", await db.ScalarAsync<string>("select name from cases.agencies where id = 'hepco'"));
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from cases.agencies where name !~ '[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ]'"));
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from cases.agencies where kind = 'ward_committee' and ward is null and ended_on is null"));
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from cases.agencies where kind like 'district%' and ended_on is null"));
        // Ended ones keep their row for the history of their cases, with the day they ended and their successor now.
        Assert.Equal(("2025-02-28", "so-xay-dung"), (await db.ScalarAsync<string>("select ended_on::text from cases.agencies where id = 'so-giao-thong-van-tai'"),
            await db.ScalarAsync<string>("select successor from cases.agencies where id = 'so-giao-thong-van-tai'")));
        Assert.Equal("ubnd-p-phu-xuan-2025", await db.ScalarAsync<string>("select successor from cases.agencies where id = 'ubnd-p-dong-ba'"));
        var kinds = await db.ScalarAsync<string[]>("select array_agg(distinct kind) from cases.agencies where ended_on is null");
        Assert.Superset(new HashSet<string> { "department", "ward_committee", "ward_police", "utility", "police" }, kinds!.ToHashSet());
    }

    [Fact]
    public async Task Every_demo_case_s_ward_and_agencies_were_in_force_on_the_case_s_dates()
    {
        var maps = Cases.Places.MapLibrary.Embedded();
        await using var cmd = db.DataSource.CreateCommand("""
            select (e.data ->> 'at')::timestamptz, e.type, e.data ->> 'ward', coalesce(e.data ->> 'leadAgency', e.data ->> 'toAgency', e.data ->> 'agency'),
                   coalesce(e.data -> 'supportingAgencies', '[]'::jsonb)
            from cases.mt_events e where e.type in ('case_received', 'case_classified', 'case_assigned', 'case_transferred', 'case_resolved')
            """);
        var checkedEvents = 0;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var day = NodaTime.Instant.FromDateTimeOffset(r.GetFieldValue<DateTimeOffset>(0)).InZone(Cases.Sla.WorkingCalendar.Zone).Date;
            var version = maps.InForce(day);
            if (!r.IsDBNull(2)) Assert.True(maps.MapAt(day).Find(r.GetString(2)) is not null, $"{r.GetString(1)} on {day}: ward {r.GetString(2)} not in force ({version.Version})");
            var agencies = new List<string>();
            if (!r.IsDBNull(3)) agencies.Add(r.GetString(3));
            agencies.AddRange(System.Text.Json.JsonSerializer.Deserialize<string[]>(r.GetString(4))!);
            foreach (var a in agencies)
                Assert.True(version.Agencies.Any(x => x.Id == a), $"{r.GetString(1)} on {day}: agency {a} not in force ({version.Version})");
            checkedEvents++;
        }
        Assert.True(checkedEvents > SeededDatabase.Options.Cases, $"only {checkedEvents} events checked");
    }

    [Fact]
    public async Task Writing_the_agencies_again_changes_nothing()
    {
        var before = await db.ScalarAsync<long>("select count(*) from cases.agencies");
        await DemoData.UpsertAgenciesAsync(db.DataSource);
        Assert.Equal(before, await db.ScalarAsync<long>("select count(*) from cases.agencies"));
    }

    [Fact]
    public async Task Every_case_went_through_the_workflow_and_the_hash_chain_holds()
    {
        Assert.Equal(SeededDatabase.Options.Cases, await db.ScalarAsync<long>("select count(*) from cases.mt_streams"));
        Assert.Equal(SeededDatabase.Options.Cases, await db.ScalarAsync<long>("select count(*) from cases.mt_events where type = 'case_received'"));
        Assert.True((await new ChainVerifier(db.DataSource).VerifyAllAsync()).Valid);
        // Deadline events are the real scheduler's, at run time; the seed writes none.
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from cases.mt_events where type like 'deadline_%'"));
    }

    [Fact]
    public async Task The_store_holds_what_the_seed_reports()
    {
        var read = await SeededDatabase.ReadSummaryAsync(db.DataSource, SeededDatabase.Options.ReferenceNow);
        Assert.Equal(seeded.Summary.ByKindAndStatus, read.ByKindAndStatus);
        Assert.Equal(seeded.Summary.ByCategory, read.ByCategory);
        Assert.Equal(seeded.Summary with { ByKindAndStatus = read.ByKindAndStatus, ByCategory = read.ByCategory }, read);
    }

    [Fact]
    public void Both_kinds_arrive_mostly_as_field_reports()
    {
        var s = seeded.Summary;
        var reports = s.ByKindAndStatus.Where(k => k.Key.StartsWith("field_report/")).Sum(k => k.Value);
        Assert.InRange((double)reports / s.Cases, 0.72, 0.88);
        Assert.Contains(s.ByKindAndStatus.Keys, k => k.StartsWith("dossier/"));
    }

    [Fact]
    public void A_quarter_to_two_fifths_of_field_reports_are_rejected_or_merged_as_duplicates()
    {
        Assert.InRange(seeded.Summary.RejectedOrDuplicateShare, 0.25, 0.40);
        Assert.True(seeded.Summary.ByKindAndStatus.GetValueOrDefault("field_report/duplicate") > 0);
    }

    [Fact]
    public async Task A_duplicate_is_linked_to_an_earlier_case_of_the_same_category_and_ward()
    {
        var mismatched = await db.ScalarAsync<long>("""
            select count(*) from cases.mt_events d
            join cases.mt_events dr on dr.stream_id = d.stream_id and dr.type = 'case_received'
            join cases.mt_events mr on mr.stream_id = (d.data->>'masterId')::uuid and mr.type = 'case_received'
            where d.type = 'duplicate_linked'
              and (mr.data->>'category' <> dr.data->>'category' or mr.data->>'ward' <> dr.data->>'ward' or (mr.data->>'at')::timestamptz >= (dr.data->>'at')::timestamptz)
            """);
        Assert.Equal(0, mismatched);
        Assert.Equal(0, await db.ScalarAsync<long>("""
            select count(*) from cases.mt_events d where d.type = 'duplicate_linked'
            and not exists (select 1 from cases.mt_streams s where s.id = (d.data->>'masterId')::uuid)
            """));
    }

    [Fact]
    public async Task Between_1_and_8_percent_of_resolutions_are_late()
    {
        var resolved = await db.ScalarAsync<long>("select count(*) from cases.mt_events where type = 'case_resolved'");
        var late = await db.ScalarAsync<long>("select count(*) from cases.mt_events where type = 'case_resolved' and not (data->>'onTime')::boolean");
        Assert.True(resolved > 100);
        Assert.InRange((double)late / resolved, 0.01, 0.08);
    }

    [Fact]
    public async Task Ratings_average_4_or_more()
    {
        var mean = await db.ScalarAsync<decimal>("select avg((data->>'score')::int) from cases.mt_events where type = 'case_rated'");
        Assert.True(mean >= 4, $"mean rating {mean}");
        Assert.InRange(seeded.Summary.SatisfiedShare, 0.75, 0.95);
    }

    [Fact]
    public void Some_cases_are_still_open_at_the_reference_now_and_some_of_them_overdue()
    {
        Assert.True(seeded.Summary.Open > 0);
        Assert.True(seeded.Summary.Overdue > 0);
        Assert.True(seeded.Summary.Overdue < seeded.Summary.Open);
    }

    [Fact]
    public async Task Everything_happened_in_the_year_before_the_reference_now_in_the_order_of_each_case()
    {
        var now = SeededDatabase.Options.ReferenceNow.ToDateTimeUtc();
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from cases.mt_events where (data->>'at')::timestamptz > $1 or (data->>'at')::timestamptz < $1 - interval '1 year'", now));
        // Never earlier than the event before; one command may append two at one instant (a report's verification
        // and its public summary).
        Assert.Equal(0, await db.ScalarAsync<long>("""
            select count(*) from cases.mt_events a join cases.mt_events b on b.stream_id = a.stream_id and b.version = a.version + 1
            where (b.data->>'at')::timestamptz < (a.data->>'at')::timestamptz
            """));
        // Steps are sent in time order across cases, a few at once: an event's place in the log is at most a
        // few commands away from its place in time.
        var displaced = await db.ScalarAsync<int>("""
            select max(abs(by_seq - by_time))::int from (
                select row_number() over (order by seq_id) as by_seq, row_number() over (order by (data->>'at')::timestamptz, seq_id) as by_time from cases.mt_events) x
            """);
        Assert.True(displaced <= 8 * SeededDatabase.Options.Parallelism, $"an event is {displaced} places from its place in time");
    }

    [Fact]
    public async Task Reporters_personal_data_reaches_cases_reporters_and_no_event()
    {
        Assert.True(await db.ScalarAsync<long>("select count(*) from cases.reporters where name is not null and phone is not null") > 100);
        var leaks = await db.ScalarAsync<long>("""
            select count(*) from cases.mt_events e join cases.reporters r on
                (r.name is not null and (strpos(e.data::text, r.name) > 0 or strpos(e.headers::text, r.name) > 0))
             or (r.phone is not null and (strpos(e.data::text, r.phone) > 0 or strpos(e.headers::text, r.phone) > 0))
             or (r.email is not null and (strpos(e.data::text, r.email) > 0 or strpos(e.headers::text, r.email) > 0))
             or (r.address is not null and strpos(e.data::text, r.address) > 0)
            """);
        Assert.Equal(0, leaks);
    }

    [Fact]
    public async Task Misconduct_reports_are_rare_and_confidential()
    {
        var misconduct = await db.ScalarAsync<long>("select count(*) from cases.mt_events where type = 'case_received' and data->>'category' = 'official_misconduct'");
        Assert.InRange(misconduct, 0, 10);
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from cases.mt_events where type = 'case_received' and data->>'category' = 'official_misconduct' and not (data->>'confidential')::boolean"));
    }

    [Fact]
    public void Progress_counts_every_case_once_up_to_the_total()
    {
        Assert.Equal(SeededDatabase.Options.Cases, seeded.Progress.Count);
        Assert.Equal(Enumerable.Range(1, SeededDatabase.Options.Cases), seeded.Progress.Select(p => p.CasesDone));
        Assert.All(seeded.Progress, p => Assert.Equal(SeededDatabase.Options.Cases, p.CasesTotal));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_cases_in_a_fresh_database()
    {
        var other = new HostDatabase();
        await other.InitializeAsync();
        try
        {
            var again = await SeededDatabase.SeedAsync(other.DataSource, SeededDatabase.Options);
            Assert.Equal(seeded.Summary.ByKindAndStatus, again.ByKindAndStatus);
            Assert.Equal(seeded.Summary.ByCategory, again.ByCategory);
            Assert.Equal(seeded.Summary with { ByKindAndStatus = again.ByKindAndStatus, ByCategory = again.ByCategory }, again);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }
}
