using System.Globalization;

namespace ClaudBot.Ssh.Setup;

/// <summary>What setup found on the server (from <see cref="SetupCommands.Facts"/>).</summary>
public sealed record ServerFacts
{
    public const int RecommendedCores = 4;
    public const long RecommendedMemoryKb = 16L * 1024 * 1024;
    public const long RecommendedDiskKb = 100L * 1024 * 1024;

    public string Kernel { get; init; } = string.Empty;

    public string Architecture { get; init; } = string.Empty;

    public string OperatingSystem { get; init; } = string.Empty;

    public int Cores { get; init; }

    public long MemoryKb { get; init; }

    public long SwapKb { get; init; }

    public long DiskFreeKb { get; init; }

    /// <summary>The user's systemd manager answers (<c>systemctl --user</c> works): user units can run the node.</summary>
    public bool UserSystemd { get; init; }

    /// <summary>systemd is the init system (system services such as redis-server can be enabled).</summary>
    public bool SystemSystemd { get; init; }

    /// <summary>The user's services keep running after logout.</summary>
    public bool Linger { get; init; }

    /// <summary>Versions of Microsoft.NETCore.App found by <c>dotnet --list-runtimes</c>.</summary>
    public IReadOnlyList<string> DotnetRuntimes { get; init; } = [];

    public bool HasDotnet10 => DotnetRuntimes.Any(v => v.StartsWith("10.", StringComparison.Ordinal));

    /// <summary>The .NET runtime identifier to publish for, or null when the architecture is not supported.</summary>
    public string? RuntimeIdentifier => Architecture switch
    {
        "x86_64" or "amd64" => "linux-x64",
        "aarch64" or "arm64" => "linux-arm64",
        _ => null,
    };

    /// <summary>Below the guide's recommendations: each a sentence (a warning, not a failure).</summary>
    public IEnumerable<string> Shortfalls()
    {
        if (Cores < RecommendedCores)
        {
            yield return $"{Cores} CPU cores: {RecommendedCores} or more are recommended (fewer workers run at once).";
        }

        if (MemoryKb < RecommendedMemoryKb)
        {
            yield return $"{Gb(MemoryKb)} of memory: 16 GB or more are recommended for large sweeps.";
        }

        if (DiskFreeKb < RecommendedDiskKb)
        {
            yield return $"{Gb(DiskFreeKb)} free in the home folder: 100 GB or more are recommended for results files.";
        }
    }

    /// <summary>One line for the progress display.</summary>
    public string Describe()
    {
        string os = OperatingSystem.Length > 0 ? OperatingSystem : Kernel;
        string dotnet = HasDotnet10 ? ".NET " + DotnetRuntimes.Last(v => v.StartsWith("10.", StringComparison.Ordinal)) : "no .NET 10 runtime";
        string systemd = UserSystemd ? "systemd" : "no user systemd";
        return $"{os}, {Architecture}, {Cores} cores, {Gb(MemoryKb)} RAM + {Gb(SwapKb)} swap, {Gb(DiskFreeKb)} free, {systemd}, {dotnet}";
    }

    /// <summary>Reads the <c>key=value</c> lines of <see cref="SetupCommands.Facts"/>.</summary>
    public static ServerFacts Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var runtimes = new List<string>();
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            int split = line.IndexOfAny(['=', ':']);
            if (split <= 0)
            {
                continue;
            }

            string key = line[..split];
            string value = line[(split + 1)..].Trim();
            if (key == "runtime")
            {
                // "Microsoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]"
                string[] parts = value.Split(' ');
                if (parts.Length >= 2 && parts[0] == "Microsoft.NETCore.App")
                {
                    runtimes.Add(parts[1]);
                }
            }
            else
            {
                values[key] = value;
            }
        }

        string systemd = values.GetValueOrDefault("systemd", "none");
        return new ServerFacts
        {
            Kernel = values.GetValueOrDefault("kernel", string.Empty),
            Architecture = values.GetValueOrDefault("arch", string.Empty),
            OperatingSystem = values.GetValueOrDefault("os", string.Empty),
            Cores = (int)Number(values, "cores"),
            MemoryKb = Number(values, "MemTotal"),
            SwapKb = Number(values, "SwapTotal"),
            DiskFreeKb = Number(values, "diskfree"),
            SystemSystemd = systemd != "none",
            UserSystemd = systemd is "running" or "degraded" or "starting",
            Linger = values.GetValueOrDefault("linger") == "yes",
            DotnetRuntimes = runtimes,
        };
    }

    private static long Number(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out string? text) && long.TryParse(text.Replace("kB", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : 0;

    private static string Gb(long kb) => string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024.0:0.#} GB");
}
