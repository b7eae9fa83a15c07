using Cases.Domain;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;

namespace Cases.GraphQL.Schema;

/// <summary>Domain refusals and access failures as GraphQL errors carrying <c>extensions.code</c> (DESIGN 6.2).</summary>
public static class SchemaErrors
{
    public static GraphQLException From(DomainError e)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = e.Code };
        foreach (var (k, v) in e.Details) extensions[k] = v;
        return new GraphQLException(e.Message, extensions);
    }

    public static GraphQLException Forbidden(string message) => new(message, new Dictionary<string, object?> { ["code"] = DomainError.Forbidden });

    public static GraphQLException NotFound(string trackingCode) => From(DomainError.CaseNotFound(trackingCode));

    public static GraphQLException Invalid(string field, string message) => From(DomainError.Validation(field, message));

    public static RequestContext Request(this ResolveContext ctx) => (RequestContext)ctx.Context!;

    /// <summary>Refuses unless the caller has one of the roles.</summary>
    public static RequestContext Require(this ResolveContext ctx, params Role[] roles)
    {
        var request = ctx.Request();
        if (!roles.Contains(request.Actor.Role))
            throw Forbidden($"This needs the role {string.Join(" or ", roles.Select(r => r.ToString().ToLowerInvariant()))}.");
        return request;
    }
}
