using Cases.Domain;
using Cases.Handlers;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using JasperFx;
using Weasel.Core;

namespace Cases.EventStore;

/// <summary>
/// How Marten holds the cases (DESIGN 3), in one place: the <c>cases</c> schema, one Guid stream per case in quick
/// append mode, the metadata columns, the stored aliases from <see cref="EventTypes"/>, the JSON rules of
/// <see cref="EventJson"/>, the documents the write side keeps beside the events, and the live fold of
/// <see cref="CaseStream"/> that <c>FetchForWriting</c> uses.
/// </summary>
public static class CasesStore
{
    public const string Schema = "cases";

    /// <summary>A store on <paramref name="db"/> with this configuration and nothing else (no projections, no Wolverine):
    /// for schema set-up, the CLI's audit verbs, bulk imports and tests that read or write events directly.</summary>
    public static DocumentStore For(Npgsql.NpgsqlDataSource db) => DocumentStore.For(o =>
    {
        o.Connection(db);
        Configure(o);
    });

    public static void Configure(StoreOptions o)
    {
        o.DatabaseSchemaName = Schema;
        // Marten owns mt_events and mt_streams (Weasel builds and upgrades them); the app's own migrations run
        // first and never touch them.
        o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

        var serializerOptions = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        EventJson.Configure(serializerOptions);
        o.UseSystemTextJsonForSerialization(serializerOptions, EnumStorage.AsString, Casing.CamelCase);

        var events = o.Events;
        events.StreamIdentity = StreamIdentity.AsGuid;
        // Sequence numbers are taken inside the appending transaction, so the daemon's gap detection sees a live
        // writer and waits for it instead of skipping (DESIGN 5).
        events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        // Two commands racing on one case (FetchForWriting checks the version it read): the loser waits on the stream's
        // row and fails its version check before drawing a sequence number, instead of drawing one, failing on the
        // unique version and leaving a gap the daemon must wait out (issue 21). Only appends to the same case wait
        // for each other.
        events.UseExclusiveLockOnConcurrentAppends = true;
        events.MetadataConfig.CorrelationIdEnabled = true;
        events.MetadataConfig.CausationIdEnabled = true;
        events.MetadataConfig.HeadersEnabled = true;
        events.MetadataConfig.UserNameEnabled = true;
        foreach (var (alias, type) in EventTypes.All) events.MapEventType(type, alias);

        o.Schema.For<CaseIdentity>().Identity(c => c.Id).UniqueIndex(c => c.TrackingCode);
        o.Schema.For<ProcessedCommand>().Identity(c => c.Id);
        // Wolverine's Marten integration keeps outbox envelopes as this document type. Declared here too, so the
        // migration builds its table: otherwise each node built it at its first scheduled message, and two nodes
        // doing so at once failed one citizen's submission on a fresh database (CI, stop 27).
        o.Schema.For<Wolverine.Envelope>().SingleTenanted().DoNotPartition();
        o.Projections.Add(new CaseStreamFold(), ProjectionLifecycle.Live);
    }

    /// <summary>
    /// Folds a stream with the decider's own <see cref="CaseState.Evolve"/> (the one definition of a case's state),
    /// keeping the last event's hash for the next link of the chain.
    /// </summary>
    sealed class CaseStreamFold : SingleStreamProjection<CaseStream, Guid>
    {
        public override CaseStream Evolve(CaseStream? snapshot, Guid id, IEvent e)
        {
            var s = snapshot ?? CaseStream.Initial(id);
            return e.Data is CaseEvent data
                ? new CaseStream(id, CaseState.Evolve(s.State, data), StoredEvent.Header(e, EventHeaders.Hash))
                : s;
        }
    }
}
