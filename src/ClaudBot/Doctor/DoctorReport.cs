using Spectre.Console;

namespace ClaudBot.Doctor;

/// <summary>The printed report: where things are, then one line per check, then the verdict.</summary>
internal static class DoctorReport
{
    public static void Write(IAnsiConsole console, DoctorPaths paths, IReadOnlyList<DoctorCheck> checks)
    {
        int width = Math.Max(paths.Entries.Max(e => e.Name.Length), checks.Max(c => c.Name.Length)) + 2;
        console.WriteLine("Where");
        foreach (var (name, path) in paths.Entries)
        {
            string note = File.Exists(path) || Directory.Exists(path) ? string.Empty : " (not there yet)";
            console.WriteLine($"  {name.PadRight(width)}{path}{note}");
        }

        console.WriteLine();
        console.WriteLine("Checks");
        foreach (var check in checks)
        {
            // Plain words first (scripts grep them), colour only around the status.
            console.MarkupLine($"  {Markup.Escape(check.Name.PadRight(width))}[{Colour(check.Status)}]{Word(check.Status),-6}[/]{Markup.Escape(check.Detail)}");
        }

        int failed = checks.Count(c => c.Status == DoctorStatus.Fail);
        int warned = checks.Count(c => c.Status == DoctorStatus.Warn);
        console.WriteLine();
        console.WriteLine(failed > 0 ? $"{failed} check(s) failed." : warned > 0 ? $"All checks passed, {warned} warning(s)." : "All checks passed.");
    }

    private static string Word(DoctorStatus status) => status.ToString().ToLowerInvariant();

    private static string Colour(DoctorStatus status) => status switch
    {
        DoctorStatus.Ok => "green",
        DoctorStatus.Warn => "yellow",
        DoctorStatus.Fail => "red",
        _ => "grey",
    };
}
