using System.Collections.Concurrent;
using System.IO.Hashing;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Boxes;

/// <summary>
/// This node's <see cref="DataManifest"/>, as its market data reads the folders: every <c>*.csv</c> of the bundled folder,
/// then the user's folder over it (a symbol's file there replaces the bundled one of that name; its <c>actions.csv</c>,
/// read besides the bundled one, is listed as <c>user/actions.csv</c>). Each file is hashed once per length and write
/// time, so a call after the first costs one stat per file and a pushed or edited file is seen at the next call.
/// </summary>
public sealed class DataManifestSource(IOptions<MarketDataOptions> options)
{
    private const string ActionsFile = "actions.csv";
    private readonly ConcurrentDictionary<string, (long Length, long Ticks, string Hash)> _hashes = new(StringComparer.Ordinal);
    private int _computed;

    /// <summary>How many times a file's content was hashed (not answered from the cache).</summary>
    public int Computed => Volatile.Read(ref _computed);

    /// <summary>The manifest of the folders as they stand now.</summary>
    public DataManifest Current()
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Add(files, options.Value.ResolveDirectory(), user: false);
        if (options.Value.ResolveUserDirectory() is { } user && Directory.Exists(user))
        {
            Add(files, user, user: true);
        }

        return DataManifest.Of(files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
    }

    private void Add(Dictionary<string, string> files, string directory, bool user)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var matching = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive };
        foreach (string path in Directory.EnumerateFiles(directory, "*.csv", matching))
        {
            string name = Path.GetFileName(path);
            if (user && name.Equals(ActionsFile, StringComparison.OrdinalIgnoreCase))
            {
                name = "user/" + name;
            }

            // Remove first so the user's spelling of a replaced file's name is the one listed.
            files.Remove(name);
            files[name] = HashOf(path);
        }
    }

    private string HashOf(string path)
    {
        var info = new FileInfo(path);
        var stamp = (info.Length, info.LastWriteTimeUtc.Ticks);
        if (_hashes.TryGetValue(path, out var known) && (known.Length, known.Ticks) == stamp)
        {
            return known.Hash;
        }

        var hash = new XxHash3();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16))
        {
            hash.Append(stream);
        }

        Interlocked.Increment(ref _computed);
        string text = "xxh3:" + Convert.ToHexStringLower(hash.GetCurrentHash());
        _hashes[path] = (stamp.Length, stamp.Ticks, text);
        return text;
    }
}
