namespace Cases.GraphQL.Seeding;

/// <summary>How far a seed run is: cases whose script has finished (or reached "now"), and commands sent (the bulk path: events written).</summary>
public readonly record struct SeedProgress(int CasesDone, int CasesTotal, long Commands);
