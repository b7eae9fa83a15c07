using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Types;

/// <summary>The directives every schema has (spec 3.13): @include, @skip, @deprecated, @specifiedBy, @oneOf.</summary>
public static class SpecifiedDirectives
{
    public const string DefaultDeprecationReason = "No longer supported";

    public static readonly DirectiveDefinition Include = new("include", DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment)
    {
        Description = "Directs the executor to include this field or fragment only when the `if` argument is true.",
        Arguments = { new InputValueDefinition("if", new NonNullType(BuiltInScalars.Boolean)) { Description = "Included when true." } },
    };

    public static readonly DirectiveDefinition Skip = new("skip", DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment)
    {
        Description = "Directs the executor to skip this field or fragment when the `if` argument is true.",
        Arguments = { new InputValueDefinition("if", new NonNullType(BuiltInScalars.Boolean)) { Description = "Skipped when true." } },
    };

    public static readonly DirectiveDefinition Deprecated = new("deprecated",
        DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue,
        DirectiveLocation.DirectiveDefinition)
    {
        Description = "Marks an element of a GraphQL schema as no longer supported.",
        Arguments =
        {
            new InputValueDefinition("reason", new NonNullType(BuiltInScalars.String))
            {
                Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
                DefaultValue = DefaultDeprecationReason,
            },
        },
    };

    public static readonly DirectiveDefinition SpecifiedBy = new("specifiedBy", DirectiveLocation.Scalar)
    {
        Description = "Exposes a URL that specifies the behavior of this scalar.",
        Arguments = { new InputValueDefinition("url", new NonNullType(BuiltInScalars.String)) { Description = "The URL that specifies the behavior of this scalar." } },
    };

    public static readonly DirectiveDefinition OneOf = new("oneOf", DirectiveLocation.InputObject)
    {
        Description = "Indicates exactly one field must be supplied and this field must not be `null`.",
    };

    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsSpecified(DirectiveDefinition directive) => All.Any(d => d.Name == directive.Name);
}
