using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Boxes;

/// <summary>
/// The published <see cref="ClusterManifest"/> in the queue server: written by the driver, read by every worker on each
/// heartbeat round. The file list travels only to a box whose fingerprint differs, so a matching box reads two short fields.
/// </summary>
public sealed class ManifestStore(RedisConnection redis)
{
    /// <summary>Publishes <paramref name="engine"/> and <paramref name="data"/> unless they are what the queue holds already.</summary>
    /// <returns>Whether anything was written.</returns>
    public async Task<bool> PublishAsync(string engine, DataManifest data, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(data);
        var db = redis.Database;
        var held = await db.HashGetAsync(ClusterKeys.Manifest, ["engine", "data"]);
        if (held[0] == engine && held[1] == data.Fingerprint)
        {
            return false;
        }

        await db.HashSetAsync(ClusterKeys.Manifest,
        [
            new("engine", engine),
            new("data", data.Fingerprint),
            new("files", JsonSerializer.Serialize(data.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal), ClusterJson.Default.DictionaryStringString)),
            new("by", by),
            new("at", JobStore.Format(at)),
        ]);
        return true;
    }

    /// <summary>The published engine and fingerprint; null when no driver has published one yet.</summary>
    public async Task<ClusterManifest?> ReadAsync()
    {
        var fields = await redis.Database.HashGetAsync(ClusterKeys.Manifest, ["engine", "data", "by", "at"]);
        if (fields[0].IsNullOrEmpty || fields[1].IsNullOrEmpty)
        {
            return null;
        }

        var at = DateTimeOffset.TryParse(fields[3].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : DateTimeOffset.MinValue;
        return new ClusterManifest(fields[0].ToString(), fields[1].ToString(), fields[2].ToString(), at);
    }

    /// <summary>The published data manifest with its file list; null when none was published.</summary>
    public async Task<DataManifest?> ReadFilesAsync()
    {
        var fields = await redis.Database.HashGetAsync(ClusterKeys.Manifest, ["data", "files"]);
        if (fields[0].IsNullOrEmpty || fields[1].IsNullOrEmpty)
        {
            return null;
        }

        var files = JsonSerializer.Deserialize(fields[1].ToString(), ClusterJson.Default.DictionaryStringString) ?? [];
        return new DataManifest(fields[0].ToString(), files);
    }
}
