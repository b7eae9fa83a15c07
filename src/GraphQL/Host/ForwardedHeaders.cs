using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cases.GraphQL.Host;

/// <summary>
/// Behind a reverse proxy or load balancer the connection's address is the proxy's: without this, every citizen
/// would be one client for the rate limits and the audit's client ids (issue 26). ASP.NET Core's forwarded-headers
/// middleware takes the client's address (and scheme) from <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>, but
/// only when the peer is a trusted proxy: <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR), comma-separated or as arrays; by default the loopback addresses, for
/// a proxy on the same machine. A forwarded address claimed by any other peer is ignored.
/// <c>ForwardedHeaders:ForwardLimit</c> (default 1) is the number of proxies in front of the app.
/// </summary>
public static class ForwardedHeaders
{
    public static void AddCasesForwardedHeaders(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        var proxies = List(section, "KnownProxies") ?? ["127.0.0.1", "::1"];
        var networks = List(section, "KnownNetworks") ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = section.GetValue("ForwardLimit", 1);
            // The defaults (loopback) are replaced, not added to: what is trusted is exactly what is configured.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(p, out var a) ? a
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."));
            foreach (var n in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(n, out var net) ? net
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR form (10.0.0.0/8)."));
        });
    }

    /// <summary>A list given as an array (<c>KnownProxies:0</c>, ...) or as one comma-separated value; null when absent.</summary>
    static string[]? List(IConfigurationSection section, string key)
    {
        var s = section.GetSection(key);
        var items = s.Value is { } one ? one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : s.GetChildren().Select(c => c.Value!).Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();
        return s.Exists() ? items : null;
    }
}
