using System.Diagnostics;

namespace ClaudBot.Cluster.Platform;

/// <summary>The probes for each platform: Linux reads a process's command line from <c>/proc</c>; elsewhere (macOS) only its name is known.</summary>
public static class ProcessProbe
{
    public static IProcessProbe ForThisPlatform() => OperatingSystem.IsLinux() ? new ProcCommandLineProbe() : new ProcessNameProbe();

    /// <summary>Linux: the command line names claudbot-node (run as its apphost or as <c>dotnet claudbot-node.dll</c>).</summary>
    public sealed class ProcCommandLineProbe : IProcessProbe
    {
        public bool IsClaudBotNode(int pid)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Contains("claudbot-node", StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Anywhere else: the process lives and is the node's apphost or a dotnet host. Weaker than the command line
    /// (another dotnet program could have taken a dead node's pid), which is the price of a portable API.
    /// </summary>
    public sealed class ProcessNameProbe : IProcessProbe
    {
        public bool IsClaudBotNode(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited && process.ProcessName is "claudbot-node" or "dotnet";
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
