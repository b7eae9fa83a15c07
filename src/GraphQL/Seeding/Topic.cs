namespace Cases.GraphQL.Seeding;

/// <summary>
/// What a demo case is about: a description template and the agencies that would lead it, most likely first.
/// In <see cref="Leads"/>, <c>{commune}</c> and <c>{police}</c> stand for the ward's People's Committee and
/// police, <c>{district}</c> and <c>{district-police}</c> for its district's, and <c>hue:X</c> for X inside Huế
/// city and the district's committee elsewhere. Templates use <c>{street}</c>, <c>{place}</c> and <c>{ward}</c>.
/// <see cref="Flood"/> topics belong to the flood season (October, November) and are rare otherwise.
/// </summary>
internal sealed record Topic(string Template, string[] Leads, bool Flood = false);
