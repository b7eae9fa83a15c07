using Cases.GraphQL.Conformance.Server;
using Cases.GraphQL.Engine.Http;

// The conformance server: the sample schema at /graphql and variants of it, each showing one HTTP option.
// Start with --urls http://127.0.0.1:PORT (run.sh picks a free port).
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();

var fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");
var data = LibraryData.Load(Path.Combine(fixtures, "library.json"));
var persisted = PersistedDocumentStore.FromManifest(PersistedManifest.Load(Path.Combine(fixtures, "persisted-documents.json")));
var schema = SampleSchema.Build(data);
var options = new GraphQLHttpOptions
{
    ContextFactory = http => ValueTask.FromResult<object?>(RequestContext.For(http.Request.Headers["X-Actor"].FirstOrDefault())),
    PersistedDocuments = persisted,
};

app.MapGraphQL("/graphql", schema, options);
app.MapGraphQL("/graphql-no-introspection", schema, options with { EnableIntrospection = false });
app.MapGraphQL("/graphql-trusted", schema, options with { OnlyPersistedDocuments = true });
app.MapGraphQL("/graphql-query-only", QueryOnlySchema.Build());
// The endpoint as configured in production: the engine's public-endpoint preset the Cases host uses (its limits,
// the introspection allowance, codes on request errors, public caching of anonymous GET queries), taken as it is.
app.MapGraphQL("/graphql-production", schema, GraphQLHttpOptions.PublicEndpoint with
{
    ContextFactory = options.ContextFactory,
    PersistedDocuments = persisted,
});
app.MapGet("/health", () => "ok");
app.Run();
