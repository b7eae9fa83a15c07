namespace Cases.Sla;

/// <summary>The two kinds of case the SLA catalogue knows (DESIGN 0); the domain maps its own kind onto this.</summary>
public enum SlaCaseKind
{
    /// <summary>A citizen's report of a problem in the street or with a service; limits in working hours.</summary>
    FieldReport,

    /// <summary>An administrative dossier at the one-stop desk; a statutory time in working days.</summary>
    Dossier,
}
