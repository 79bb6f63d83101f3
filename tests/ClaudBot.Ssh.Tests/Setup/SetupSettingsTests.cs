using System.Text.Json.Nodes;
using ClaudBot.Ssh.Setup;
using ClaudBot.Ssh.Setup.Steps;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>How setup merges settings files: its own keys set, every other key kept, and a re-read file equal to what was written.</summary>
public sealed class SetupSettingsTests
{
    [Fact]
    public void TheClientsTargetSection_IsSet_AndEveryOtherKeyStays()
    {
        var settings = JsonSettings.Parse("""
            // comments and trailing commas are fine in appsettings.json
            { "Backtest": { "CostBps": 5 }, "Target": { "Kind": "local", "AutoStart": true, "Ssh": { "DashboardPort": 3001, "Host": "old" }, }, }
            """, "appsettings.json");
        var context = new SetupContext(new SetupOptions { Host = "i7", User = "olga", Port = 2222, RemoteDirectory = "apps/cb", KnownHostsFile = "/home/olga/.config/claudbot/known_hosts" }, new RecordingSetupConsole(), new CountingPasswords(null))
        {
            ServiceManager = "systemd",
            RedisPort = 6379,
        };

        ClientSettingsStep.Apply(context, settings);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "Backtest": { "CostBps": 5 },
              "Target": { "Kind": "ssh", "AutoStart": true,
                          "Ssh": { "DashboardPort": 3001, "Host": "i7", "User": "olga", "Port": 2222, "IdentityFile": "~/.ssh/id_ed25519",
                                   "KnownHostsFile": "/home/olga/.config/claudbot/known_hosts", "RemoteDirectory": "apps/cb", "ServiceManager": "systemd", "RedisPort": 6379 } } }
            """), settings), settings.ToJsonString());
    }

    [Fact]
    public void AWrittenFile_ReadBack_EqualsWhatWasWritten_SoASecondRunWritesNothing()
    {
        var settings = new JsonObject();
        var context = new SetupContext(new SetupOptions { Host = "10.0.0.7", User = "olga" }, new RecordingSetupConsole(), new CountingPasswords(null));
        ClientSettingsStep.Apply(context, settings);

        var reread = JsonSettings.Parse(JsonSettings.Write(settings), "appsettings.json");
        ClientSettingsStep.Apply(context, reread);

        Assert.True(JsonNode.DeepEquals(settings, reread));
    }

    [Fact]
    public void TheNodesSettings_KeepWhatTheServerHas_AndGainNewShippedKeys()
    {
        var shipped = JsonSettings.Parse("""{ "Backtest": { "CostBps": 10, "InitialCapital": 1000000 }, "MarketData": { "Directory": "data" } }""", "shipped");
        var there = JsonSettings.Parse("""{ "Backtest": { "CostBps": 7 }, "Cluster": { "WorkerSlots": 2 } }""", "there");

        var merged = JsonSettings.Overlay(shipped, there);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "Backtest": { "CostBps": 7, "InitialCapital": 1000000 }, "MarketData": { "Directory": "data" }, "Cluster": { "WorkerSlots": 2 } }
            """), merged), merged.ToJsonString());
        Assert.Equal(10, (int)shipped["Backtest"]!["CostBps"]!);
    }

    [Theory]
    [InlineData("{ \"Redis\": { \"Port\": 1 ", "is not valid JSON")]
    [InlineData("[1, 2]", "does not hold a JSON object")]
    [InlineData("{ \"Backtest\": { \"CostBps\": 7, \"CostBps\": 10 } }", "has a key twice")]
    public void ABrokenSettingsFile_IsNamed_WithWhatIsWrong(string text, string expected)
    {
        var error = Assert.Throws<SetupException>(() => JsonSettings.Parse(text, "~/claudbot/appsettings.json on the server"));

        Assert.StartsWith("~/claudbot/appsettings.json on the server ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
