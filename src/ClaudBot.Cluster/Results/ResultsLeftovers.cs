using System.Globalization;
using ClaudBot.Cluster.Platform;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// Partial files a driver leaves in the results folder when it is killed mid-write: <c>job_&lt;id&gt;.json.&lt;pid&gt;.tmp</c>
/// and <c>.rows.&lt;pid&gt;.tmp</c> (<see cref="Store.ResultsStoreWriter"/>) and <c>job_&lt;id&gt;.summary.json.partial</c> (<see cref="StoredSummary"/>). Nothing
/// reads them and nothing renames them later, so without this they stay beside the final files forever.
/// </summary>
public static class ResultsLeftovers
{
    /// <summary>
    /// Deletes the leftovers of writers that are gone: a temporary file whose pid is neither this process nor a live
    /// node (pids are reused, so the probe checks it is still a node), and every summary partial (only a running
    /// driver writes one, and it is this one, starting).
    /// </summary>
    /// <returns>The names of the files removed.</returns>
    public static IReadOnlyList<string> Clean(string directory, IProcessProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var removed = new List<string>();
        if (!Directory.Exists(directory))
        {
            return removed;
        }

        foreach (string file in Directory.EnumerateFiles(directory, "job_*.tmp").Concat(Directory.EnumerateFiles(directory, "job_*.summary.json.partial")))
        {
            if (WriterPid(file) is { } pid && (pid == Environment.ProcessId || probe.IsClaudBotNode(pid)))
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed.Add(Path.GetFileName(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next start: a leftover is clutter, never a reason to keep the driver down.
            }
        }

        return removed;
    }

    // job_<id>.json.<pid>.tmp -> pid; null for anything else.
    private static int? WriterPid(string file)
    {
        string name = Path.GetFileNameWithoutExtension(file);
        int dot = name.LastIndexOf('.');
        return name.EndsWith(".summary.json", StringComparison.Ordinal) || dot < 0 ||
            !int.TryParse(name.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            ? null
            : pid;
    }
}
