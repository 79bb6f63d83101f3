using System.Globalization;

namespace ClaudBot.Cluster.Boxes;

/// <summary>
/// Whether a box runs what the cluster runs: the same engine version and the same data files. The answer is the one line
/// a refused box's heartbeat and the jobs' notes carry, naming the box and (for data) the first differing files by name.
/// </summary>
public static class BoxMatch
{
    /// <summary>How many differing files the line names before "and N more".</summary>
    public const int FilesNamed = 3;

    /// <summary>Null when <paramref name="box"/> matches the server; else why not, in one line.</summary>
    public static string? Refusal(string box, string engine, DataManifest data, string serverEngine, DataManifest serverData)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(serverData);
        if (!string.Equals(engine, serverEngine, StringComparison.Ordinal))
        {
            return $"box {box}: engine {engine} differs from the server's {serverEngine}";
        }

        if (string.Equals(data.Fingerprint, serverData.Fingerprint, StringComparison.Ordinal))
        {
            return null;
        }

        var differing = serverData.Files.Keys.Union(data.Files.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => Difference(name, data, serverData))
            .Where(text => text is not null)
            .ToList();
        if (differing.Count == 0)
        {
            // Same files, different fingerprints: a server that hashes another way (a newer node); say so rather than nothing.
            return $"box {box}: data fingerprint {data.Fingerprint} differs from the server's {serverData.Fingerprint}";
        }

        string named = string.Join(", ", differing.Take(FilesNamed));
        string more = differing.Count > FilesNamed ? string.Create(CultureInfo.InvariantCulture, $" and {differing.Count - FilesNamed} more") : string.Empty;
        return differing.Count == 1
            ? $"box {box}: data file {named} differs from the server's"
            : $"box {box}: data files {named}{more} differ from the server's";
    }

    private static string? Difference(string name, DataManifest data, DataManifest serverData) =>
        (data.Files.TryGetValue(name, out string? mine), serverData.Files.TryGetValue(name, out string? theirs)) switch
        {
            (true, true) => string.Equals(mine, theirs, StringComparison.Ordinal) ? null : name,
            (false, true) => name + " (missing on this box)",
            _ => name + " (not on the server)",
        };
}
