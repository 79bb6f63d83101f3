namespace ClaudBot.Cluster.Tests;

public sealed class NodeRuntimeSettingsTests
{
    [Fact]
    public void Apply_TurnsTieredCompilationOff_UnlessTheUserChoseOtherwise()
    {
        var fresh = new Dictionary<string, string?> { ["PATH"] = "/usr/bin" };
        var chosen = new Dictionary<string, string?> { ["DOTNET_TieredCompilation"] = "1" };

        NodeRuntimeSettings.Apply(fresh);
        NodeRuntimeSettings.Apply(chosen);

        Assert.Equal("0", fresh["DOTNET_TieredCompilation"]);
        Assert.Equal("/usr/bin", fresh["PATH"]);
        Assert.Equal("1", chosen["DOTNET_TieredCompilation"]);
    }
}
