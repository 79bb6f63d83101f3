using System.Globalization;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// The marker that says which test process owns a fixture folder: its pid and its kernel start time (so a
/// recycled pid does not look like the owner). A fixture whose owner is gone is a leftover of a crash.
/// </summary>
internal static class FixtureOwner
{
    private const string FileName = "owner";

    public static void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), $"{Environment.ProcessId} {StartTime(Environment.ProcessId)}");

    /// <summary>True when the folder has a marker whose process still runs; null when there is no readable marker.</summary>
    public static bool? IsAlive(string folder)
    {
        string[] fields;
        try
        {
            fields = File.ReadAllText(Path.Combine(folder, FileName)).Split(' ');
        }
        catch (IOException)
        {
            return null;
        }

        if (fields.Length != 2 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out int pid))
        {
            return null;
        }

        return StartTime(pid) is { } started && started == fields[1];
    }

    /// <summary>Field 22 of /proc/PID/stat, counted after the command name (which may hold spaces and parentheses).</summary>
    private static string? StartTime(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return afterName[19];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
