using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using ClaudBot.Bot.Targets.Local;

namespace ClaudBot.Doctor;

/// <summary>This program's version and the node program's beside it: one version ships both, so they must match.</summary>
internal static class ProgramVersions
{
    /// <summary>claudbot's version without the commit (<c>0.1.0</c>).</summary>
    public static string Current { get; } = Plain(typeof(ProgramVersions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    public static DoctorCheck CheckProgram() =>
        DoctorCheck.Ok("program", $"claudbot {Current} on .NET {Environment.Version} ({RuntimeInformation.RuntimeIdentifier}) in {AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)}");

    /// <summary>The node the local target starts: there, and of this program's version. Not needed by the SSH target.</summary>
    public static DoctorCheck CheckNodeProgram(NodeProgram node, bool local)
    {
        if (!File.Exists(node.Assembly))
        {
            string reason = $"claudbot-node.dll is not in {node.Folder}";
            return local
                ? DoctorCheck.Fail("node program", $"{reason}: reinstall ClaudBot (the package and the build carry node/) or set Target:NodeProgram")
                : DoctorCheck.Warn("node program", $"{reason} (the ssh target runs the server's node, so only 'claudbot start' on this machine needs it)");
        }

        // The file's version resource, not a load: loading the node's assembly here would tie it to this process.
        string version = Plain(FileVersionInfo.GetVersionInfo(node.Assembly).ProductVersion);
        return version == Current
            ? DoctorCheck.Ok("node program", $"claudbot-node {version} in {node.Folder}")
            : DoctorCheck.Fail("node program", $"claudbot-node {version} in {node.Folder} does not match claudbot {Current}: reinstall or rebuild both together");
    }

    private static string Plain(string? informational) => informational?.Split('+')[0] is { Length: > 0 } plain ? plain : "unknown";
}
