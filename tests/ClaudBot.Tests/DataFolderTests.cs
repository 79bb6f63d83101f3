using System.Text.Json;
using ClaudBot.Testing;
using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

public sealed class DataFolderTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task MissingDataFolder_ExitsTwoNamingTheFolder()
    {
        string missing = _data.Combine("missing");

        var run = await Cli.RunAsync("backtest", "rsi", "TCS", "2022-01-01", "2022-12-31", "--data", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"Error: Configuration is invalid: The market data directory '{missing}' (resolved to '{missing}') does not exist."], run.ErrorLines);
        Assert.Equal(string.Empty, run.Raw);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task MalformedCsv_Strict_ExitsTwoNamingFileAndLine()
    {
        _data.Write("TCS.csv", BundledLayoutCsv.WithBadCloseOnLine4());

        var run = await Cli.RunAsync("backtest", "buy_hold", "TCS", "2022-01-01", "2022-12-31", "--data", _data.Path, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"Error: {_data.Name}/TCS.csv line 4: 'Close' is not a number: \"abc\""], run.ErrorLines);
        Assert.Equal(string.Empty, run.Raw);
    }

    [Fact]
    public async Task CsvWithAPriceOf1e308_Json_ExitsTwoWithOneLineNamingFileLineAndValue()
    {
        _data.Write("TCS.csv", string.Join('\n', BundledLayoutCsv.Header, BundledLayoutCsv.Row("2022-01-03", 100), BundledLayoutCsv.Row("2022-01-04", 101), BundledLayoutCsv.Row("2022-01-05", 1e308), BundledLayoutCsv.Row("2022-01-06", 103)) + "\n");

        var run = await Cli.RunAsync("backtest", "buy_hold", "TCS", "2022-01-01", "2022-12-31", "--data", _data.Path, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"Error: {_data.Name}/TCS.csv line 4: price out of range: 'Open' is 1E+308; a price must be above 1E-06 and below 1,000,000,000"], run.ErrorLines);
        Assert.Equal(string.Empty, run.Raw);
    }

    [Fact]
    public async Task MalformedCsv_Lenient_RunsAndNotesTheSkippedRowOnError()
    {
        _data.Write("TCS.csv", BundledLayoutCsv.WithBadCloseOnLine4());

        var run = await Cli.RunAsync("backtest", "buy_hold", "TCS", "2022-01-03", "2022-01-10", "--data", _data.Path, "--lenient", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Note: TCS: skipped 1 bad row (first: line 4: 'Close' is not a number: \"abc\")"], run.ErrorLines);
        using var json = JsonDocument.Parse(run.Raw);
        var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(5, result.GetProperty("bars").GetInt32());
    }

    [Fact]
    public async Task SymbolsWithDataFolder_ListsThatFolder()
    {
        _data.Write("TCS.csv", BundledLayoutCsv.WithBadCloseOnLine4());
        _data.Write("INFY.csv", BundledLayoutCsv.WithBadCloseOnLine4());

        var run = await Cli.RunAsync("symbols", "--data", _data.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2 symbols: INFY, TCS"], run.OutLines);
    }
}
