using Cases.GraphQL.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddCasesHost();

var app = builder.Build();
app.MapHealth();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
