namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// Why the executor answered with request errors instead of executing (spec 6.1 ExecuteRequest, its steps before
/// execution). The errors themselves stay graphql-js's; a transport can give each kind its own code.
/// </summary>
public enum RequestErrorKind
{
    /// <summary>GetOperation failed (spec 6.1.1): no operation, several and no name, or no operation of that name.</summary>
    OperationNotFound,

    /// <summary>CoerceVariableValues failed (spec 6.1.2): a value of the wrong type, a missing or null non-null variable, ...</summary>
    InvalidVariables,
}
