using System.Globalization;

namespace ClaudBot.Node.Daemon;

/// <summary>
/// The node's daemon processes, one pid file each in <c>run/</c> beside the program:
/// <c>driver.pid</c>, <c>worker-1.pid</c>, ...
/// </summary>
internal static class PidFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "run");

    public static void Write(string name, int pid)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, name + ".pid"), pid.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Every pid file: its name (<c>driver</c>, <c>worker-1</c>), the pid, and whether that process is a live claudbot-node.</summary>
    public static IReadOnlyList<(string Name, int Pid, bool Alive)> Read()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var found = new List<(string, int, bool)>();
        foreach (string file in Directory.GetFiles(Folder, "*.pid").Order(StringComparer.Ordinal))
        {
            if (int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                found.Add((Path.GetFileNameWithoutExtension(file), pid, IsNode(pid)));
            }
        }

        return found;
    }

    public static void Delete(string name) => File.Delete(Path.Combine(Folder, name + ".pid"));

    /// <summary>A pid is ours only if that process still runs claudbot-node: pids are reused after a crash.</summary>
    private static bool IsNode(int pid)
    {
        try
        {
            string commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Contains("claudbot-node", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
