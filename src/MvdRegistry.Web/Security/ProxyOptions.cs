using System.Net;

namespace MvdRegistry.Web.Security;

/// <summary>
/// The "ForwardedHeaders" section: the reverse proxies (the TLS terminator in front of the registry)
/// whose X-Forwarded-For and X-Forwarded-Proto are believed. Addresses and CIDR networks; with none
/// configured, forwarded headers are ignored from everyone.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. "172.16.0.0/12" (a docker network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> Proxies => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> Networks => KnownNetworks.Select(n => IPNetwork.Parse(n));

    /// <summary>The entries that are not an address or a network, named for the start-up message.</summary>
    public IEnumerable<string> Invalid() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"ForwardedHeaders:KnownProxies '{p}' is not an IP address")
            .Concat(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n => $"ForwardedHeaders:KnownNetworks '{n}' is not a CIDR network such as 10.0.0.0/8"));
}
