using System.IO.Hashing;
using System.Text;

namespace ClaudBot.Cluster.Boxes;

/// <summary>
/// The data files a node reads, each by name with a hash of its content, and one <see cref="Fingerprint"/> over them all:
/// two boxes with the same fingerprint back-test on the same bars, splits and aliases.
/// </summary>
public sealed record DataManifest(string Fingerprint, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The manifest of <paramref name="files"/> (name to content hash); the fingerprint hashes them in name order.</summary>
    public static DataManifest Of(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var hash = new XxHash3();
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.Append(Encoding.UTF8.GetBytes($"{name}\0{content}\n"));
        }

        return new DataManifest("xxh3:" + Convert.ToHexStringLower(hash.GetCurrentHash()), files);
    }
}
