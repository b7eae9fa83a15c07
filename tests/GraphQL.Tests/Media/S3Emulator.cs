using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.S3;
using Cases.GraphQL.Media;

namespace Cases.GraphQL.Tests.Media;

/// <summary>
/// A real S3-compatible server for the media store's tests: s3rver (npm, S3's REST API over a folder, with its
/// signature checks) run by node from <c>S3Server/</c> on 127.0.0.1, a free port and a temporary folder. Its
/// node_modules come from the committed lockfile with <c>npm ci</c> the first time. The server exits when its
/// standard input closes, so even a test process that is killed leaves nothing running.
/// </summary>
public sealed class S3Emulator : IAsyncDisposable
{
    /// <summary>s3rver's fixed key pair: it checks every request's signature against it.</summary>
    public const string AccessKey = "S3RVER", SecretKey = "S3RVER";

    static readonly SemaphoreSlim Install = new(1, 1);
    readonly Process node;
    readonly DirectoryInfo folder;

    S3Emulator(Process node, DirectoryInfo folder, int port, string bucket) => (this.node, this.folder, Port, Bucket) = (node, folder, port, bucket);

    public int Port { get; }
    public string Bucket { get; }
    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    public S3MediaOptions Options => new(ServiceUrl, Bucket, AccessKey, SecretKey);

    /// <summary>A client of the emulator that is not the app's, to look into the bucket as an operator would.</summary>
    public IAmazonS3 Client() => S3MediaBlobs.Client(Options);

    public static async Task<S3Emulator> StartAsync(string bucket)
    {
        var here = Here();
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(here, "node_modules", "s3rver", "package.json")))
                await RunAsync("npm", here, "ci", "--no-audit", "--no-fund", "--loglevel=error");
        }
        finally { Install.Release(); }

        var data = Directory.CreateTempSubdirectory("cases-s3-");
        var start = new ProcessStartInfo("node") { WorkingDirectory = here, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(here, "server.js"), data.FullName, bucket }) start.ArgumentList.Add(a);
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = node.StandardError.ReadToEndAsync();
        var first = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (first is null) throw new InvalidOperationException($"s3rver exited before listening: {await errors}");
        // The rest of its output is drained so it can never block on a full pipe.
        _ = node.StandardOutput.ReadToEndAsync();
        var port = JsonDocument.Parse(first).RootElement.GetProperty("port").GetInt32();
        return new S3Emulator(node, data, port, bucket);
    }

    /// <summary>A loopback port nothing listens on: an S3 endpoint that refuses every connection.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        node.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await node.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { node.Kill(entireProcessTree: true); }
        node.Dispose();
        folder.Delete(recursive: true);
    }

    static async Task RunAsync(string file, string dir, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var (output, errors) = (p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync());
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {await output}{await errors}");
    }

    static string Here([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "S3Server");
}
