using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>
/// A part of a schema to show a caller: the same types, with only some root fields. Types reached only through the
/// fields left out disappear from the view (a schema holds the types its roots reach). Meant for introspection
/// (<see cref="Execution.ExecutionRequest.IntrospectedSchema"/>): execution still runs on the whole schema, where
/// every field checks who may use it, so a view hides names without changing what a request may do.
/// </summary>
public static class SchemaView
{
    public static Schema WithRootFields(Schema schema, Func<OperationType, FieldDefinition, bool> keep, string? description = null)
    {
        ObjectType? Root(ObjectType? root, OperationType operation)
        {
            if (root is null) return null;
            var fields = new FieldList();
            foreach (var field in root.Fields)
                if (keep(operation, field)) fields.Add(field);
            return fields.Count == 0 && operation != OperationType.Query ? null
                : new ObjectType(root.Name) { Description = root.Description, Fields = fields, Interfaces = root.Interfaces };
        }
        return new Schema(Root(schema.QueryType, OperationType.Query), Root(schema.MutationType, OperationType.Mutation),
            Root(schema.SubscriptionType, OperationType.Subscription), directives: schema.Directives, description: description ?? schema.Description);
    }
}
