using Cases.GraphQL.Host;

// One executable, verbs by System.CommandLine (DESIGN 8); `serve` is the default.
return await Cli.RunAsync(args);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
