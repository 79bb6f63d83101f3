using ClaudBot.Cluster.Platform;

namespace ClaudBot.Bot.Platform;

/// <summary>
/// The OS-specific parts a client (chat, say, Telegram, the SSH target) is composed with: how it reads the box's
/// CPU and memory, and how it tells a live node's pid from a reused one. Chosen by OS in production; a test
/// registers <see cref="MacOS"/> before <c>AddBot</c> to compose the macOS client on Linux.
/// </summary>
public sealed record ClientPlatform(string Name, SystemLoad Load, IProcessProbe Probe)
{
    /// <summary>The running OS's implementations.</summary>
    public static ClientPlatform ForThisPlatform() =>
        OperatingSystem.IsLinux() ? Linux()
        : OperatingSystem.IsMacOS() ? MacOS()
        : new ClientPlatform("other", SystemLoad.ForThisPlatform(), ProcessProbe.ForThisPlatform());

    /// <summary>Linux: <c>/proc</c> for load and for a process's command line.</summary>
    public static ClientPlatform Linux() => new("linux", new LinuxSystemLoad(), new ProcessProbe.ProcCommandLineProbe());

    /// <summary>macOS: load average and sysctl; a process's name through the portable process API.</summary>
    public static ClientPlatform MacOS() => new("macos", new MacSystemLoad(), new ProcessProbe.ProcessNameProbe());
}
