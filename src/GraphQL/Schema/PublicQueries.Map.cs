using Cases.Domain;
using Cases.GraphQL.Engine.Types;
using Cases.Projections.ReadApi;
using NodaTime;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>The map of cases (issue 14): markers for a whole period, and the open and overdue cases by ward.</summary>
public sealed partial class PublicQueries
{
    static readonly ObjectType Location = new("MapLocation")
    {
        Description = "A public case's place, coarsened to about 100 m.",
        Fields = { Field<GeoPoint>("latitude", NonNull(GFloat), p => p.Latitude), Field<GeoPoint>("longitude", NonNull(GFloat), p => p.Longitude) },
    };

    static readonly ObjectType MapPointType = new("MapPoint")
    {
        Description = "A public case as a marker on the map.",
        Fields =
        {
            Field<MapPoint>("trackingCode", NonNull(GString), p => p.TrackingCode),
            Field<MapPoint>("status", NonNull(CasesEnums.PublicStatus), p => p.Status),
            Field<MapPoint>("category", NonNull(GString), p => p.Category),
            Field<MapPoint>("ward", NonNull(GString), p => p.Ward),
            Field<MapPoint>("location", NonNull(Location), p => p.Location),
            Field<MapPoint>("receivedAt", NonNull(CasesScalars.DateTime), p => p.ReceivedAt),
            Field<MapPoint>("overdue", NonNull(GBoolean), p => p.Overdue, "Open and past its effective due time."),
        },
    };

    static readonly ObjectType WardPointType = new("WardOnMap")
    {
        Description = "A ward's open public cases, placed at the middle of their locations.",
        Fields =
        {
            Field<WardPoint>("ward", NonNull(GString), w => w.Ward),
            Field<WardPoint>("location", NonNull(Location), w => w.Location),
            Field<WardPoint>("open", NonNull(GInt), w => (int)w.Open),
            Field<WardPoint>("overdue", NonNull(GInt), w => (int)w.Overdue),
        },
    };

    IEnumerable<FieldDefinition> MapFields()
    {
        var map = new PublicMapQueries(db);
        yield return new FieldDefinition("caseMap", ListOf(MapPointType))
        {
            Description = $"Public cases with a place, newest first, for a map (at most {PublicMapQueries.MaxPoints}).",
            Arguments =
            {
                Arg("category", GString), Arg("status", CasesEnums.PublicStatus), Arg("ward", GString),
                Arg("receivedFrom", CasesScalars.DateTime), Arg("receivedTo", CasesScalars.DateTime),
                new InputValueDefinition("first", GInt) { DefaultValue = 2000 },
            },
            Resolve = async ctx =>
            {
                var filter = new PublicCaseFilter(Category: ctx.Argument<string>("category"), Status: ctx.Argument<PublicStatus?>("status"),
                    Ward: ctx.Argument<string>("ward"), ReceivedFrom: ctx.Argument<Instant?>("receivedFrom"), ReceivedTo: ctx.Argument<Instant?>("receivedTo"));
                return (await map.PointsAsync(filter, clock.GetCurrentInstant(), ctx.Argument<int?>("first") ?? 2000, ctx.CancellationToken)).ToList();
            },
        };
        yield return Field("wardMap", ListOf(WardPointType), async ctx => (object?)(await map.WardsAsync(clock.GetCurrentInstant(), ctx.CancellationToken)).ToList(),
            "Open and overdue public cases by ward, for the overview's map.");
    }
}
