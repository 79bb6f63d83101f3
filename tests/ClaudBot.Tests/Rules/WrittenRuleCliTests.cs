using System.Text.Json;
using ClaudBot.Testing;
using ClaudBot.Tests.Chat;

namespace ClaudBot.Tests.Rules;

/// <summary>
/// Rules on the command line, as a user runs claudbot (a child process with its own home): a rule typed in, saved under
/// a name, listed, run by name, refused with its caret, removed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix modes; the suite runs on Linux.
public sealed class WrittenRuleCliTests : IDisposable
{
    private const string Rule = "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70";
    private readonly IsolatedState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Backtest_ARuleAsTyped_ReportsItsCanonicalTextAsTheStrategy()
    {
        var run = await OneShot.RunAsync(_state, "backtest", "BUY WHEN RSI(2)<10 AND close>sma(200) ; sell when rsi(2) is above 70", "TCS", "2022-01-01", "2024-12-31", "--json");

        Assert.Equal(0, run.ExitCode);
        var result = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("results")[0];
        Assert.Equal(Rule, result.GetProperty("strategy").GetString());
        Assert.Empty(result.GetProperty("params").EnumerateObject());
        Assert.Equal("TCS", result.GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task SavedRule_IsListed_RunsByName_WithTheSameNumbers_AndIsOwnerOnly()
    {
        var add = await OneShot.RunAsync(_state, "strategies", "add", "rsi2", Rule);
        var listed = await OneShot.RunAsync(_state, "strategies", "--json");
        var byName = await OneShot.RunAsync(_state, "backtest", "rsi2", "TCS,INFY", "2022-01-01", "2024-12-31", "--json");
        var byText = await OneShot.RunAsync(_state, "backtest", Rule, "TCS,INFY", "2022-01-01", "2024-12-31", "--json");

        Assert.Equal((0, $"Saved rsi2: {Rule}"), (add.ExitCode, add.Stdout.Split('\n')[0]));
        string file = Path.Combine(_state.Home, "config", "strategies", "rsi2.yaml");
        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(file));
        var saved = JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("saved");
        Assert.Equal(("rsi2", Rule), (saved[0].GetProperty("name").GetString(), saved[0].GetProperty("rule").GetString()));
        Assert.Equal(0, byName.ExitCode);
        Assert.Equal(Metrics(byText.Stdout), Metrics(byName.Stdout));
        Assert.Equal(2, Metrics(byName.Stdout).Count);
    }

    [Fact]
    public async Task Add_ABadRule_SaysWhereWithACaret_AndSavesNothing()
    {
        var run = await OneShot.RunAsync(_state, "strategies", "add", "rsi2", "buy when smaa(2) < 10, sell when rsi(2) > 70");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "Error: unknown indicator 'smaa' at column 10: did you mean sma?",
                "buy when smaa(2) < 10, sell when rsi(2)...",
                "         ^",
            ],
            run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_state.Home, "config", "strategies")) && Directory.EnumerateFiles(Path.Combine(_state.Home, "config", "strategies")).Any());
    }

    [Theory]
    [InlineData("2fast", "'2fast' cannot name a rule: use lower-case letters, digits and '_', starting with a letter, at most 32 characters (e.g. rsi2).")]
    [InlineData("macd", "'macd' is a built-in strategy; pick another name (e.g. my_macd).")]
    [InlineData("sma", "'sma' is a word of the rule language; pick another name (e.g. my_sma).")]
    [InlineData("../evil", "'../evil' cannot name a rule: use lower-case letters, digits and '_', starting with a letter, at most 32 characters (e.g. rsi2).")]
    public async Task Add_UnderABadName_IsRefusedInOneLine(string name, string message)
    {
        var run = await OneShot.RunAsync(_state, "strategies", "add", name, Rule);

        Assert.Equal((2, "Error: " + message), (run.ExitCode, run.Stderr.TrimEnd('\n')));
    }

    [Fact]
    public async Task Remove_DeletesTheRule_ThenSaysThereIsNone()
    {
        await OneShot.RunAsync(_state, "strategies", "add", "trend", "hold while sma(50) > sma(200)");

        var first = await OneShot.RunAsync(_state, "strategies", "remove", "trend");
        var second = await OneShot.RunAsync(_state, "strategies", "remove", "trend");
        var run = await OneShot.RunAsync(_state, "backtest", "trend", "TCS", "2022-01-01", "2024-12-31");

        Assert.Equal((0, "Removed trend."), (first.ExitCode, first.Stdout.TrimEnd('\n')));
        Assert.Equal((2, "Error: no rule is saved as 'trend' (see claudbot strategies)."), (second.ExitCode, second.Stderr.TrimEnd('\n')));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Error: Unknown strategy 'trend'.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandWrittenFile_IsReadLikeASavedOne_AndANameIsCaseInsensitive()
    {
        string folder = Path.Combine(_state.Home, "config", "strategies");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "dip.yaml"), "# my dip buyer\nname: dip\nrule: >-\n  buy when close < lowest(20)[1]\n  , sell when close > sma(10)\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.yaml"), "name: broken\n");

        var listed = await OneShot.RunAsync(_state, "strategies", "--json");
        var run = await OneShot.RunAsync(_state, "backtest", "DIP", "TCS", "2022-01-01", "2024-12-31", "--json");

        var saved = JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("saved");
        Assert.Equal(("broken", $"{folder}/broken.yaml has no 'rule:' line."), (saved[0].GetProperty("name").GetString(), saved[0].GetProperty("error").GetString()));
        Assert.Equal(("dip", "buy when close < lowest(20)[1], sell when close > sma(10)"), (saved[1].GetProperty("name").GetString(), saved[1].GetProperty("rule").GetString()));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("buy when close < lowest(20)[1], sell when close > sma(10)", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("results")[0].GetProperty("strategy").GetString());
    }

    private static List<(string?, string?, double)> Metrics(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("strategy").GetString(), r.GetProperty("symbol").GetString(), r.GetProperty("metrics").GetProperty("final_equity").GetDouble()))];
}
