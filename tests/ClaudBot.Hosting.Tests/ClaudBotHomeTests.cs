namespace ClaudBot.Hosting.Tests;

/// <summary>Where settings and state live: never the checkout or the build output.</summary>
public sealed class ClaudBotHomeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("claudbot-home-").FullName;

    [Fact]
    public void ClaudBotHome_PutsConfigDataAndStateUnderIt()
    {
        var home = ClaudBotHome.Resolve(_root, _ => null, macOS: false);

        Assert.Equal(Path.Combine(_root, "config", "settings.json"), home.SettingsFile);
        Assert.Equal(Path.Combine(_root, "data", "results"), home.ResultsDirectory);
        Assert.Equal(Path.Combine(_root, "state", "logs"), home.LogDirectory);
        Assert.Equal(Path.Combine(_root, "config", "known_hosts"), home.KnownHostsFile);
    }

    [Fact]
    public void MacOS_UsesApplicationSupport_ForAllThree()
    {
        var home = ClaudBotHome.Resolve(null, name => name == "HOME" ? "/Users/olga" : null, macOS: true);

        string support = "/Users/olga/Library/Application Support/ClaudBot";
        Assert.Equal((support, support, support), (home.ConfigDirectory, home.DataDirectory, home.StateDirectory));
    }

    [Fact]
    public void Linux_FollowsXdg_IgnoringRelativeValues()
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = "/home/olga",
            ["XDG_CONFIG_HOME"] = "/etc/olga-config",
            ["XDG_DATA_HOME"] = "relative/data",
        };

        var home = ClaudBotHome.Resolve(null, name => environment.GetValueOrDefault(name), macOS: false);

        Assert.Equal("/etc/olga-config/claudbot", home.ConfigDirectory);
        Assert.Equal("/home/olga/.local/share/claudbot", home.DataDirectory);
        Assert.Equal("/home/olga/.local/state/claudbot", home.StateDirectory);
    }

    [Fact]
    public void Host_PutsEveryStoredThingInTheHome_AndTheUsersSettingsWinOverTheProgramsDefaults()
    {
        Directory.CreateDirectory(Path.Combine(_root, "config"));
        File.WriteAllText(Path.Combine(_root, "config", "settings.json"), """{ "Backtest": { "CostBps": 3 } }""");

        var configuration = ClaudBotHost.CreateBuilder(new Dictionary<string, string?> { [ClaudBotHost.HomeKey] = _root }).Configuration;

        string[] stored = ["Cluster:ResultsDirectory", "Cluster:LogDirectory", "Cluster:RunDirectory", "Redis:EmbeddedDirectory", "MarketData:CacheDirectory", "Bot:AuditLog", "Target:Ssh:KnownHostsFile", "Backtest:CostModelsDirectory"];
        Assert.All(stored, key => Assert.StartsWith(_root + Path.DirectorySeparatorChar, configuration[key], StringComparison.Ordinal));
        Assert.Equal(Path.Combine(_root, "config", "costs"), configuration["Backtest:CostModelsDirectory"]);
        Assert.Equal("3", configuration["Backtest:CostBps"]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
