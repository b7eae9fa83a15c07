namespace Cases.Sla;

/// <summary>What a request for information (<c>InformationRequested</c>) does to the running SLA clock.</summary>
public enum SlaInformationEffect
{
    /// <summary>The clock stops while the citizen is asked and resumes, with the time already used, when they answer.</summary>
    Pause,

    /// <summary>
    /// The allowed time starts again in full when the citizen answers, as for dossiers whose processing time runs
    /// from the receipt of a complete and valid dossier.
    /// </summary>
    Restart,
}
