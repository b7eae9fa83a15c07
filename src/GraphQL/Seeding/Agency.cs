namespace Cases.GraphQL.Seeding;

/// <summary>A row of <c>cases.agencies</c>: reference data, not event-sourced. <see cref="Ward"/> is the ward's name as cases carry it, for ward-level bodies.</summary>
public sealed record Agency(string Id, string Name, string NameEn, string Kind, string? Ward = null);
