using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Schema;

public sealed partial class PublicQueries
{
    ObjectType? _caseType;

    /// <summary>The public Case type, one instance for the query root and the subscriptions (a schema names each type once).</summary>
    public ObjectType CaseType => _caseType ??= ReadTypes.PublicCase(cases);
}
