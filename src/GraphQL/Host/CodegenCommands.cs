using System.CommandLine;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;

namespace Cases.GraphQL.Host;

/// <summary>
/// <c>codegen preview|write</c>: the code Wolverine generates for the handlers, printed, or written to
/// <c>src/Cases/Internal/Generated</c> (run from the repository's root), where it is compiled into the Cases assembly
/// and loaded instead of being compiled by Roslyn at the first command (see the README). Run <c>codegen write</c>
/// after changing a handler's signature or the Wolverine configuration, and review the diff like any other code.
/// </summary>
public static class CodegenCommands
{
    public static Command Build()
    {
        var codegen = new Command("codegen", "Print or write the handler code Wolverine generates (see the README's departures).");
        var preview = new Command("preview", "Print the generated code.");
        preview.SetAction((_, _) => Run(builder => { Console.WriteLine(builder.GenerateAllCode()); }));
        var output = new Option<string>("--output") { Description = "The folder to write into.", DefaultValueFactory = _ => "src/Cases/Internal/Generated" };
        var write = new Command("write", "Write the generated code (by default into src/Cases/Internal/Generated).") { output };
        write.SetAction((p, _) => Run(builder =>
        {
            var folder = Path.GetFullPath(p.GetValue(output)!);
            foreach (var collection in builder.Collections) collection.Rules.GeneratedCodeOutputPath = folder;
            builder.DeleteAllGeneratedCode();
            builder.WriteGeneratedCode(file => Console.WriteLine($"codegen: wrote {Path.GetRelativePath(Environment.CurrentDirectory, file)}"));
        }));
        codegen.Subcommands.Add(preview);
        codegen.Subcommands.Add(write);
        return codegen;
    }

    static Task<int> Run(Action<DynamicCodeBuilder> act)
    {
        DynamicCodeBuilder.WithinCodegenCommand = true;
        using var app = CasesApp.Build([]);
        var collections = app.Services.GetServices<ICodeFileCollection>().ToArray();
        act(new DynamicCodeBuilder(app.Services, collections) { ServiceVariableSource = app.Services.GetService<IServiceVariableSource>() });
        return Task.FromResult(0);
    }
}
