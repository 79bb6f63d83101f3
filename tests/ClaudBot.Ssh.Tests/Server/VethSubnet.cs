using System.Security.Cryptography;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>A /30 in 10.213.0.0/16: <c>.1</c> on the host's end of the veth pair, <c>.2</c> in the namespace.</summary>
internal readonly record struct VethSubnet(int X, int Y)
{
    public string HostAddress => $"10.213.{X}.{Y + 1}";

    public string NamespaceAddress => $"10.213.{X}.{Y + 2}";

    public string Network => $"10.213.{X}.{Y}/30";

    public static VethSubnet NewRandom() => new(RandomNumberGenerator.GetInt32(256), RandomNumberGenerator.GetInt32(64) * 4);
}
