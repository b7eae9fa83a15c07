using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>Which operation a document would run, without executing it (the HTTP layer refuses mutations over GET).</summary>
public static class OperationKinds
{
    /// <summary>
    /// The type of the operation GetOperation (spec 6.1) would select, or null when it cannot be determined
    /// (no operation, an unknown name, or several operations and no name).
    /// </summary>
    public static OperationType? GetOperationKind(DocumentNode document, string? operationName) =>
        Executor.TryGetOperation(document, operationName, out var op, out _) ? op!.Operation : null;
}
