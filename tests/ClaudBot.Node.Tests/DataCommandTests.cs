namespace ClaudBot.Node.Tests;

/// <summary>
/// <c>claudbot-node data</c> in this process, with the home (where the bar cache goes) in a temporary folder. The
/// variable is process-wide: these tests run one at a time, apart from the others (<see cref="ProcessEnvironment"/>).
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DataCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-node-tests-");
    private readonly string? _home = Environment.GetEnvironmentVariable("CLAUDBOT_HOME");

    public DataCommandTests() => Environment.SetEnvironmentVariable("CLAUDBOT_HOME", Path.Combine(_folder.FullName, "home"));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("CLAUDBOT_HOME", _home);
        _folder.Delete(recursive: true);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await NodeCli.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Data_OnTheBundledData_ListsEverySymbolAndTheTotal()
    {
        var (exit, output, error) = await RunAsync("data");

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "home", "state", "cache", "RELIANCE.bars")));
        Assert.Equal(string.Empty, error);
        Assert.Contains("RELIANCE", output, StringComparison.Ordinal);
        Assert.Contains("SHREECEM       1236 bars  2021-01-27 to 2026-01-23", output, StringComparison.Ordinal);
        Assert.EndsWith("49 symbols, 60,659 bars, 0 unusable." + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_WithABadFile_ReportsItAndExitsTwo()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "GOOD.csv"), "Date,Open,High,Low,Close,Volume\n2024-01-01,10,11,9,10.5,100\n2024-01-02,10.5,12,10,11,200\n");
        File.WriteAllText(Path.Combine(_folder.FullName, "BAD.csv"), "Date,Open,High,Low,Close,Volume\n2024-01-01,10,11,9,10.5,100\n2024-01-02,10.5,9,10,11,200\n");

        var (exit, output, error) = await RunAsync("data", "--data", _folder.FullName);

        Assert.Equal(2, exit);
        Assert.Contains("GOOD              2 bars  2024-01-01 to 2024-01-02", output, StringComparison.Ordinal);
        Assert.Contains("BAD.csv line 3", error, StringComparison.Ordinal);
        Assert.EndsWith("2 symbols, 2 bars, 1 unusable." + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_WithAMissingFolder_SaysSoInOneLine()
    {
        var (exit, output, error) = await RunAsync("data", "--data", Path.Combine(_folder.FullName, "missing"));

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("Error: Configuration is invalid: The market data directory", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
