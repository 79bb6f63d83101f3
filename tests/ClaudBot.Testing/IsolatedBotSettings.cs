using System.Globalization;

namespace ClaudBot.Testing;

/// <summary>
/// Settings that give an in-process bot or node its own world inside a test's own folder: a free
/// port for the embedded server, its data, results, logs, cache and audit log, so tests run side by side.
/// </summary>
public static class IsolatedBotSettings
{
    public static Dictionary<string, string?> In(TempDirectory folder, IReadOnlyDictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var settings = new Dictionary<string, string?>
        {
            // The whole home in the test's folder: pid files, settings, charts, history; the lines below name the rest.
            ["Home"] = folder.Combine("home"),
            ["Redis:EmbeddedPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Dashboard:Url"] = "http://127.0.0.1:" + TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Redis:EmbeddedDirectory"] = folder.Combine("redis"),
            ["Cluster:ResultsDirectory"] = folder.Combine("results"),
            ["Cluster:LogDirectory"] = folder.Combine("logs"),
            ["MarketData:CacheDirectory"] = folder.Combine("cache"),
            ["Bot:AuditLog"] = folder.Combine("audit.jsonl"),
        };
        foreach (var (key, value) in QuickRun.NodeSettings())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
