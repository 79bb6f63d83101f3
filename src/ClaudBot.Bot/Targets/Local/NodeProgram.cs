using System.Diagnostics;
using System.Runtime.InteropServices;
using ClaudBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace ClaudBot.Bot.Targets.Local;

/// <summary>
/// <c>claudbot-node</c> on this machine, started as a child process: the program shipped in <c>node/</c> beside
/// this one (its dll through the dotnet host that runs us, or its apphost), or the one <c>Target:NodeProgram</c> names.
/// The child gets this client's node settings (sections Redis, Cluster, MarketData, Dashboard, Backtest,
/// Logging) as <c>CLAUDBOT_</c> variables, so both sides agree on the port, the folders and the data.
/// Arguments are a fixed list, never a shell command line.
/// </summary>
public sealed class NodeProgram(IConfiguration configuration, ClaudBotHome home)
{
    private static readonly string[] NodeSections = ["Redis", "Cluster", "MarketData", "Dashboard", "Backtest", "Logging"];

    /// <summary>A start description for <c>claudbot-node ARGS</c>; <see cref="FileNotFoundException"/> when no node program is found.</summary>
    public ProcessStartInfo StartInfo(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (program, prefix) = Locate();
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (string argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("CLAUDBOT_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        if (home.Root is { } root)
        {
            start.Environment[ClaudBotHome.Variable] = root;
        }

        foreach (var section in NodeSections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                {
                    start.Environment["CLAUDBOT_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
                }
            }
        }

        return start;
    }

    /// <summary>The folder the node program is taken from: <c>node/</c> beside this program, or <c>Target:NodeProgram</c>'s.</summary>
    public string Folder => configuration["Target:NodeProgram"] is { Length: > 0 } configured
        ? Path.GetDirectoryName(Path.GetFullPath(configured))!
        : Path.Combine(AppContext.BaseDirectory, "node");

    /// <summary>The node's main assembly in <see cref="Folder"/> (it carries the version).</summary>
    public string Assembly => Path.Combine(Folder, "claudbot-node.dll");

    private (string Program, string[] Prefix) Locate()
    {
        string folder = Folder;
        string dll = Assembly;
        string apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? "claudbot-node.exe" : "claudbot-node");

        // Through the dotnet host when there is one: an apphost needs DOTNET_ROOT where dotnet is not in a standard place.
        if (File.Exists(dll) && DotnetHost() is { } dotnet)
        {
            return (dotnet, ["exec", dll]);
        }

        return File.Exists(apphost)
            ? (apphost, [])
            : throw new FileNotFoundException($"claudbot-node was not found beside this program ({folder}); reinstall ClaudBot or set Target:NodeProgram.", apphost);
    }

    /// <summary>The dotnet host of this runtime (…/dotnet/shared/Microsoft.NETCore.App/10.0.x/ → …/dotnet/dotnet); null when self-contained.</summary>
    private static string? DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        string candidate = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(candidate) ? candidate : null;
    }
}
