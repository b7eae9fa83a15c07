using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Validation.Limits;
using Cases.GraphQL.Engine.Validation.Rules;

namespace Cases.GraphQL.Engine.Validation;

/// <summary>
/// Spec 5 "Validation": runs <see cref="SpecifiedRules"/> (graphql-js 17 specifiedRules, in its order) and then the
/// operational limits. Stops after <see cref="ValidationLimits.MaxErrors"/> errors (100, as graphql-js) with
/// "Too many validation errors, error limit reached. Validation aborted.".
/// </summary>
public static class DocumentValidator
{
    /// <summary>
    /// graphql-js 17 specifiedRules, in order. The four @defer/@stream rules are left out: this engine's schemas do not
    /// define @defer or @stream, so those rules could never report (KnownDirectives refuses the directives instead).
    /// </summary>
    public static IReadOnlyList<Func<ValidationRule>> SpecifiedRules { get; } =
    [
        () => new ExecutableDefinitionsRule(),
        () => new KnownOperationTypesRule(),
        () => new UniqueOperationNamesRule(),
        () => new LoneAnonymousOperationRule(),
        () => new SingleFieldSubscriptionsRule(),
        () => new KnownTypeNamesRule(),
        () => new FragmentsOnCompositeTypesRule(),
        () => new VariablesAreInputTypesRule(),
        () => new ScalarLeafsRule(),
        () => new FieldsOnCorrectTypeRule(),
        () => new UniqueFragmentNamesRule(),
        () => new KnownFragmentNamesRule(),
        () => new NoUnusedFragmentsRule(),
        () => new PossibleFragmentSpreadsRule(),
        () => new NoFragmentCyclesRule(),
        () => new UniqueVariableNamesRule(),
        () => new NoUndefinedVariablesRule(),
        () => new NoUnusedVariablesRule(),
        () => new KnownDirectivesRule(),
        () => new UniqueDirectivesPerLocationRule(),
        () => new KnownArgumentNamesRule(),
        () => new UniqueArgumentNamesRule(),
        () => new ValuesOfCorrectTypeRule(),
        () => new ProvidedRequiredArgumentsRule(),
        () => new VariablesInAllowedPositionRule(),
        () => new OverlappingFieldsCanBeMergedRule(),
        () => new UniqueInputFieldNamesRule(),
        () => new MaxIntrospectionDepthRule(),
    ];

    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationLimits? limits = null) =>
        Validate(schema, document, SpecifiedRules, limits);

    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, IEnumerable<Func<ValidationRule>> rules, ValidationLimits? limits = null)
    {
        limits ??= new ValidationLimits();
        using var hidden = limits.HideSuggestions ? Suggestions.Hide() : null;
        var errors = new List<GraphQLError>();
        var context = new ValidationContext(schema, document, errors, limits.MaxErrors, limits);
        var allRules = rules.Select(r => r()).ToList();
        if (!limits.AllowIntrospection) allRules.Add(new NoSchemaIntrospectionRule());
        if (Limits.FragmentDepthGuard.Check(context, limits.MaxFragmentDepth) is { } tooDeep) return [tooDeep];
        try
        {
            new DocumentWalker(context.TypeInfo, allRules, context).Walk(document);
            if (errors.Count == 0) OperationLimits.Check(context);
        }
        catch (ValidationAbortedException)
        {
            errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted."));
        }
        catch (Rules.ValidationBudgetExceededException)
        {
            errors.Add(new GraphQLError("Validation aborted."));
        }
        return errors;
    }

    /// <summary>The document-size limit, checked on the source text before parsing.</summary>
    public static GraphQLError? CheckLength(string source, ValidationLimits limits) =>
        limits.MaxDocumentLength is { } max && source.Length > max
            ? new GraphQLError($"Document is too long: {source.Length} characters, the maximum is {max}.")
            : null;
}
