namespace Cases.GraphQL.Engine.Language;

/// <summary>
/// Where a node sits in its source: <see cref="Start"/> and <see cref="End"/> are UTF-16 offsets (end exclusive),
/// <see cref="Line"/> and <see cref="Column"/> are 1-based, columns counted in UTF-16 code units as graphql-js does.
/// </summary>
public sealed record Location(int Start, int End, int Line, int Column);
