using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.6.3 "Input Object Field Uniqueness".</summary>
public sealed class UniqueInputFieldNamesRule : ValidationRule
{
    private readonly Stack<Dictionary<string, NameNode>> _stack = new();
    private Dictionary<string, NameNode> _known = new();

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is ObjectValueNode)
        {
            _stack.Push(_known);
            _known = new Dictionary<string, NameNode>();
        }
        else if (node is ObjectFieldNode field)
        {
            var name = field.Name.Value;
            if (_known.TryGetValue(name, out var known))
                context.ReportError(GraphQLError.At($"There can be only one input field named \"{name}\".", known, field.Name));
            else
                _known[name] = field.Name;
        }
        return true;
    }

    public override void Leave(Node node, ValidationContext context)
    {
        if (node is ObjectValueNode) _known = _stack.Pop();
    }
}
