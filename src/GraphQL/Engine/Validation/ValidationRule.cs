using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Validation;

/// <summary>
/// A validation rule: a visitor over the document, created fresh for each validation (rules keep per-document state).
/// <see cref="Enter"/> returning false skips the node's children for this rule only (graphql-js visitInParallel).
/// Every node is visited except <see cref="NameNode"/>s, which no rule needs: a rule reads a name from its parent node.
/// </summary>
public abstract class ValidationRule
{
    public virtual bool Enter(Node node, ValidationContext context) => true;

    public virtual void Leave(Node node, ValidationContext context) { }
}
