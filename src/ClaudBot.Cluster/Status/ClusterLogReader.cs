using System.Globalization;

namespace ClaudBot.Cluster.Status;

/// <summary>
/// What 'show logs' and <c>claudbot-node logs</c> read: the last lines of the driver's log, or of the log of the
/// worker that wrote last, across the files Serilog rolled it into (<c>cluster_driver.log</c>,
/// <c>cluster_driver_001.log</c>, ...), so a log that just rolled still shows the lines before the roll.
/// </summary>
public static class ClusterLogReader
{
    /// <summary>Up to <paramref name="count"/> last lines of <paramref name="component"/>'s log in <paramref name="folder"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> ReadLastLinesAsync(string folder, NodeRole component, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var lines = new List<string>(count);
        foreach (string file in CurrentFiles(folder, component).Reverse())
        {
            IReadOnlyList<string> tail;
            try
            {
                tail = await LogTail.ReadLastLinesAsync(file, count - lines.Count, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                // Deleted by the retention limit between the listing and the read.
                continue;
            }

            lines.InsertRange(0, tail);
            if (lines.Count >= count)
            {
                break;
            }
        }

        return lines;
    }

    /// <summary>
    /// The files of the component's log, oldest first: for the driver <c>cluster_driver*.log</c>; for workers, the
    /// files of the one worker whose log was written most recently.
    /// </summary>
    public static IReadOnlyList<string> CurrentFiles(string folder, NodeRole component)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var logs = new DirectoryInfo(folder).EnumerateFiles(component == NodeRole.Worker ? "worker_*.log" : ClusterLogFiles.DriverName + "*.log")
            .Select(file => (File: file, Name: Parse(Path.GetFileNameWithoutExtension(file.Name))))
            .Where(log => component == NodeRole.Worker || log.Name.Base == ClusterLogFiles.DriverName)
            .GroupBy(log => log.Name.Base, StringComparer.Ordinal)
            .MaxBy(group => group.Max(log => log.File.LastWriteTimeUtc));
        return logs is null ? [] : [.. logs.OrderBy(log => log.Name.Sequence).Select(log => log.File.FullName)];
    }

    /// <summary>Splits Serilog's rolled name <c>base_NNN</c> into the log's base name and its sequence (0 for the first file).</summary>
    internal static (string Base, int Sequence) Parse(string name)
    {
        int underscore = name.LastIndexOf('_');
        return underscore > 0 && name.Length - underscore > 3 && int.TryParse(name.AsSpan(underscore + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int sequence)
            ? (name[..underscore], sequence)
            : (name, 0);
    }
}
