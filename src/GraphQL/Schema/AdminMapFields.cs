using Cases.Domain;
using Cases.GraphQL.AdminMap;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Types;
using Cases.Places;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>
/// The province and its administrative map in the API (issue 24): anyone may read who the province is and which map
/// is in force, with its legal basis and what is provisional (the site shows it beside statistics by ward); only an
/// admin imports a version or runs the reorganisation.
/// </summary>
public sealed class AdminMapFields(AdminMapAdmin admin, ProvinceIdentity province)
{
    public const string InvalidCode = "ADMIN_MAP_INVALID";

    static readonly ObjectType Province = new("Province")
    {
        Description = "Who the province is (configuration, Province:*).",
        Fields =
        {
            Field<ProvinceIdentity>("name", NonNull(GString), p => p.Name, "Vietnamese: thành phố Huế."),
            Field<ProvinceIdentity>("nameEn", NonNull(GString), p => p.NameEn),
            Field<ProvinceIdentity>("shortName", NonNull(GString), p => p.ShortName),
            Field<ProvinceIdentity>("trackingPrefix", NonNull(GString), p => p.TrackingPrefix, "The start of every tracking code."),
            Field<ProvinceIdentity>("timeZone", NonNull(GString), p => p.TimeZone),
            Field<ProvinceIdentity>("defaultLanguage", NonNull(GString), p => p.DefaultLanguage),
        },
    };

    static readonly ObjectType Basis = new("LegalBasis")
    {
        Fields =
        {
            Field<LegalBasis>("document", NonNull(GString), b => b.Document),
            Field<LegalBasis>("date", NonNull(CasesScalars.LocalDate), b => b.Date),
            Field<LegalBasis>("text", NonNull(GString), b => b.Text),
        },
    };

    static readonly ObjectType Version = new("AdminMapVersion")
    {
        Fields =
        {
            Field<AdminMapVersionRow>("version", NonNull(GString), r => r.Version.Version),
            Field<AdminMapVersionRow>("effective", NonNull(CasesScalars.LocalDate), r => r.Version.Effective),
            Field<AdminMapVersionRow>("title", NonNull(GString), r => r.Version.Title),
            Field<AdminMapVersionRow>("titleEn", NonNull(GString), r => r.Version.TitleEn),
            Field<AdminMapVersionRow>("basis", ListOf(Basis), r => r.Version.Basis.ToList()),
            Field<AdminMapVersionRow>("inForce", NonNull(GBoolean), r => r.InForce),
            Field<AdminMapVersionRow>("imported", NonNull(GBoolean), r => r.Imported, "Imported by an admin, not shipped with the code."),
            Field<AdminMapVersionRow>("wards", NonNull(GInt), r => r.Version.Areas.Count(a => AreaLevels.IsWardLevel(a.Level)), "Wards, communes and townships."),
            Field<AdminMapVersionRow>("agencies", NonNull(GInt), r => r.Version.Agencies.Count),
            Field<AdminMapVersionRow>("provisional", ListOf(GString), r => r.Version.Provisional.ToList(), "Facts not confirmed from an official text, as 'line N: code: why'."),
        },
    };

    static readonly ObjectType Status = new("AdminMapStatus")
    {
        Fields =
        {
            Field<AdminMapReport>("inForce", NonNull(GString), r => r.InForce.Version),
            Field<AdminMapReport>("versions", ListOf(Version), r => r.Versions.ToList()),
        },
    };

    static readonly ObjectType Move = new("AgencyMove")
    {
        Fields =
        {
            Field<AgencyMove>("fromAgency", NonNull(GID), m => m.FromAgency),
            Field<AgencyMove>("toAgency", NonNull(GID), m => m.ToAgency),
            Field<AgencyMove>("cases", NonNull(GInt), m => m.Cases),
            Field<AgencyMove>("mapVersion", NonNull(GString), m => m.MapVersion),
        },
    };

    static readonly ObjectType Staff = new("StaffToMove")
    {
        Description = "A staff account or API key of an ended agency, for the admin to move (not moved automatically).",
        Fields =
        {
            Field<StaffToMove>("kind", NonNull(GString), s => s.Kind, "account or api_key."),
            Field<StaffToMove>("id", NonNull(GString), s => s.Id),
            Field<StaffToMove>("name", NonNull(GString), s => s.Name),
            Field<StaffToMove>("agency", NonNull(GID), s => s.Agency),
            Field<StaffToMove>("successor", NonNull(GID), s => s.Successor),
        },
    };

    static readonly ObjectType Summary = new("ReorganisationSummary")
    {
        Fields =
        {
            Field<ReorganisationSummary>("moved", NonNull(GInt), s => s.Changed, "Cases that got an agency_succeeded event."),
            Field<ReorganisationSummary>("alreadyMoved", NonNull(GInt), s => s.Unchanged),
            Field<ReorganisationSummary>("closed", NonNull(GInt), s => s.Refused),
            Field<ReorganisationSummary>("moves", ListOf(Move), s => s.Moves.ToList()),
            Field<ReorganisationSummary>("staffToMove", ListOf(Staff), s => s.Staff.ToList()),
        },
    };

    public IEnumerable<FieldDefinition> Query()
    {
        yield return Field("province", NonNull(Province), _ => new ValueTask<object?>(province), "Who the province is: its names and tracking-code prefix.");
        yield return Field("administrativeMap", NonNull(Status), async ctx => await admin.StatusAsync(ctx.CancellationToken),
            "The administrative map's versions (wards, communes and agencies as dated data), the one in force, their legal basis and what is provisional.");
    }

    public IEnumerable<FieldDefinition> Mutations()
    {
        yield return new FieldDefinition("importAdminMap", NonNull(Summary))
        {
            Description = "Admin: load a map file (docs/admin-map-format.md) as a new version, checked against every version; when it is in force, the cases of the agencies it ends move to their successors.",
            Arguments =
            {
                Arg("input", NonNull(new InputObjectType("ImportAdminMapInput")
                {
                    Fields = { Arg("fileName", NonNull(GString), "e.g. map-2025-07.txt"), Arg("content", NonNull(GString), "The file's text.") },
                })),
            },
            Resolve = async ctx =>
            {
                var request = ctx.Require(Role.Admin);
                var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
                try
                {
                    var (_, moved) = await admin.ImportAsync(input.Get<string>("fileName")!, input.Get<string>("content")!, request.Actor, request.CorrelationId, ctx.CancellationToken);
                    return moved ?? new ReorganisationSummary([], 0, 0, 0, []);
                }
                catch (MapDataException e)
                {
                    throw new GraphQLException(e.Message, new Dictionary<string, object?>
                    {
                        ["code"] = InvalidCode, ["field"] = "content", ["fileName"] = e.FileName, ["line"] = e.Line, ["problem"] = e.Problem,
                    });
                }
            },
        };
        yield return new FieldDefinition("reorganiseAgencies", NonNull(Summary))
        {
            Description = "Admin: move every case still held by an agency that a map version in force ended to its successor (one event each; safe to repeat).",
            Resolve = async ctx =>
            {
                var request = ctx.Require(Role.Admin);
                return await admin.ReorganiseAsync(request.Actor, request.CorrelationId, ctx.CancellationToken);
            },
        };
    }
}
