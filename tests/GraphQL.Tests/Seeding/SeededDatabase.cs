using Cases.Domain;
using Cases.EventStore;
using Cases.GraphQL.Media;
using Cases.GraphQL.Seeding;
using Cases.GraphQL.Tests.Host;
using Npgsql;
using NodaTime;

namespace Cases.GraphQL.Tests.Seeding;

/// <summary>A private migrated database seeded once with <see cref="Options"/> for the tests of a class.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public static readonly SeedOptions Options = new() { Cases = 300, Seed = 7 };

    public HostDatabase Database { get; } = new();
    public SeedSummary Summary { get; private set; } = null!;
    public List<SeedProgress> Progress { get; } = [];

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Summary = await SeedAsync(Database.DataSource, Options, new Recorder(Progress));
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    public static async Task<SeedSummary> SeedAsync(NpgsqlDataSource db, SeedOptions options, IProgress<SeedProgress>? progress = null)
    {
        var clock = new SeedClock(options.ReferenceNow - Duration.FromDays(366));
        await using var seeder = await SeedHost.StartAsync(db, clock, Serilog.Core.Logger.None);
        // With photos for a few reports, as the seed command stores them (the embedded store here).
        var photos = new DemoPhotos(new MediaCatalog(db, new PostgresMediaBlobs(db), new MediaProcessor(new MediaLimits()), SystemClock.Instance, Serilog.Core.Logger.None));
        return await DemoData.SeedAsync(db, seeder.Commands, clock, options, progress, photos: photos);
    }

    /// <summary>The summary of what the store holds, read back from the events.</summary>
    public static async Task<SeedSummary> ReadSummaryAsync(NpgsqlDataSource db, Instant now)
    {
        var streams = (await ReadStreamsAsync(db)).Select(s => (IReadOnlyList<CaseEvent>)s.Select(e => e.Event).ToList());
        await using var cmd = db.CreateCommand("select count(*)::int from cases.agencies where ended_on is null");
        return SeedSummary.From(streams, now, (int)(await cmd.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// Every stream, read stream by stream through Marten.
    /// </summary>
    public static async Task<List<IReadOnlyList<StoredEvent>>> ReadStreamsAsync(NpgsqlDataSource db)
    {
        var ids = new List<Guid>();
        await using (var cmd = db.CreateCommand("select id from cases.mt_streams"))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) ids.Add(r.GetGuid(0));
        await using var marten = CasesStore.For(db);
        var store = new CaseEventStore(marten);
        var streams = new List<IReadOnlyList<StoredEvent>>();
        foreach (var id in ids) streams.Add(await store.ReadStreamAsync(id));
        return streams;
    }

    sealed class Recorder(List<SeedProgress> into) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => into.Add(value);
    }
}
