namespace Cases.GraphQL.Seeding;

/// <summary>How a field report leaves verification (dossiers: <see cref="Proceed"/> or <see cref="Reject"/>, a refusal).</summary>
internal enum Verification { Proceed, Reject, Duplicate }
