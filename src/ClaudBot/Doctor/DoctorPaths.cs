using ClaudBot.Bot.Conversations;
using ClaudBot.Cluster;
using ClaudBot.Hosting;
using ClaudBot.MarketData;
using ClaudBot.Redis;

namespace ClaudBot.Doctor;

/// <summary>Where everything is, as this program's settings resolve it (the node started from here gets the same settings).</summary>
internal sealed record DoctorPaths(IReadOnlyList<(string Name, string Path)> Entries)
{
    public static DoctorPaths From(ClaudBotHome home, ClusterOptions cluster, RedisOptions redis, MarketDataOptions data, BotOptions bot) => new(
    [
        ("config", home.ConfigDirectory),
        ("data", home.DataDirectory),
        ("state", home.StateDirectory),
        ("settings", home.SettingsFile),
        ("results", cluster.ResolveResultsDirectory()),
        ("logs", cluster.ResolveLogDirectory()),
        ("pid files", cluster.ResolveRunDirectory()),
        ("queue data", redis.ResolveEmbeddedDirectory()),
        ("charts", home.ChartsDirectory),
        ("chat history", home.ChatHistory),
        ("audit log", bot.ResolveAuditLog()),
        ("market data", data.ResolveDirectory()),
        ("bar cache", data.ResolveCacheDirectory()),
    ]);

    public string this[string name] => Entries.First(e => e.Name == name).Path;
}
