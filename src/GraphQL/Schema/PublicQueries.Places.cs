using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Engine.Types;
using Cases.Places;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>
/// What the report form needs to get a place right (issue 20), and the reporter's own view of their report: the
/// province's wards (the administrative map, <see cref="AdministrativeMap"/>), the ward a point lies in, and, with
/// the case's secret, what the citizen sent (description and photos) even before the center has verified it.
/// </summary>
public sealed partial class PublicQueries
{
    static readonly ObjectType ReporterViewType = new("ReporterView")
    {
        Description = "What the reporter sent, for the holder of the case's secret only: never public, never cached.",
        Fields =
        {
            Field<(string Description, IReadOnlyList<string> Photos)>("description", NonNull(GString), v => v.Description),
            Field<(string Description, IReadOnlyList<string> Photos)>("photos", ListOf(GString), v => v.Photos.ToList(),
                "Ids of every photo the case holds (the report's, those added with information, the agency's after photos): "
                + "GET /media/{id}/thumbnail (or /media/{id}) with the header X-Case-Secret."),
        },
    };

    /// <summary>The wards and communes in force today (issue 24: the map version of today's date, imported ones included).</summary>
    AdministrativeMap Places() => rules.Places.MapAt(clock.GetCurrentInstant().InZone(Cases.Sla.WorkingCalendar.Zone).Date);

    static readonly ObjectType FormerWard = new("FormerWard")
    {
        Description = "A ward or commune a reform replaced, and the unit in force that succeeded it (the principal successor).",
        Fields =
        {
            Field<(string Name, AdministrativeUnit Successor, NodaTime.LocalDate Since)>("name", NonNull(GString), f => f.Name),
            Field<(string Name, AdministrativeUnit Successor, NodaTime.LocalDate Since)>("successor", NonNull(GString), f => f.Successor.Name),
            Field<(string Name, AdministrativeUnit Successor, NodaTime.LocalDate Since)>("successorLevel", NonNull(GString), f => f.Successor.Level.ToString().ToUpperInvariant()),
            Field<(string Name, AdministrativeUnit Successor, NodaTime.LocalDate Since)>("since", NonNull(CasesScalars.LocalDate), f => f.Since, "The first day of the map in force today."),
        },
    };

    IEnumerable<FieldDefinition> PlaceFields()
    {
        yield return Field("knownWards", ListOf(GString), _ => new ValueTask<object?>(Places().Units.Select(u => u.Name).Order(StringComparer.Ordinal).ToList()),
            "Every ward and commune a case may name today (submitCase and classifyCase refuse others).");
        yield return Field("formerWards", ListOf(FormerWard), _ =>
        {
            var map = Places();
            return new ValueTask<object?>(map.FormerNames.Order(StringComparer.Ordinal)
                .Select(n => (object)(n, map.SuccessorOf(n)!, map.Effective)).ToList());
        }, "Wards and communes that no longer exist, each with the unit in force that succeeded it (submitCase refuses them, naming it).");
        yield return new FieldDefinition("wardAt", GString)
        {
            Description = "The ward whose centre is nearest the point (no boundaries are held, only centres). A point outside the province is refused on location.",
            Arguments = { Arg("latitude", NonNull(GFloat)), Arg("longitude", NonNull(GFloat)) },
            Resolve = ctx =>
            {
                var point = new GeoPoint(ctx.Argument<double>("latitude"), ctx.Argument<double>("longitude"));
                return new ValueTask<object?>(Places().WardAt(point)?.Name
                    ?? throw SchemaErrors.From(DomainError.Validation("location", "The location is outside the province.", "outside_province")));
            },
        };
        yield return new FieldDefinition("myReport", ReporterViewType)
        {
            Description = "The reporter's own report, with the secret submitCase returned: the description and photos, also before verification.",
            Arguments = { Arg("trackingCode", NonNull(GString)), Arg("secret", NonNull(GString)) },
            Resolve = async ctx =>
            {
                var code = ctx.Argument<string>("trackingCode")!;
                Guid? id = null;
                // Marten's natural key (its unique index on the tracking code), not a read model: the reporter opens the link at
                // once, before the projections have the case.
                await using (var find = db.CreateCommand("select id from cases.mt_doc_caseidentity where data ->> 'trackingCode' = $1"))
                {
                    find.Parameters.Add(new Npgsql.NpgsqlParameter { Value = code });
                    if (await find.ExecuteScalarAsync(ctx.CancellationToken) is Guid found) id = found;
                }
                // The same answer for an unknown code and a wrong secret: neither says whether the case exists.
                if (id is null || !await new CitizenSecrets(db).HoldsAsync(id.Value, ctx.Argument<string>("secret")!, ctx.CancellationToken))
                    throw SchemaErrors.Forbidden("The secret does not match this case.");
                await using var read = db.CreateCommand("""
                    select e.data ->> 'description', array(select m.id::text from cases.media m where m.case_id = e.stream_id order by m.created_at, m.id)
                    from cases.mt_events e where e.stream_id = $1 and e.version = 1
                    """);
                read.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id.Value });
                await using var r = await read.ExecuteReaderAsync(ctx.CancellationToken);
                await r.ReadAsync(ctx.CancellationToken);
                return (r.GetString(0), (IReadOnlyList<string>)r.GetFieldValue<string[]>(1));
            },
        };
    }
}
