using System.Text.Json;
using ClaudBot.Engine.Data;
using ClaudBot.MarketData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ClaudBot.MarketData.Import;
using ClaudBot.Testing;
using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

/// <summary>
/// <c>claudbot data import</c> and <c>claudbot data</c> over a test bundled folder (<c>--data</c>) and a test store
/// (<c>--store</c>), so nothing touches the real home's data. Files are in the canonical layout.
/// </summary>
public sealed class DataImportCliTests : IDisposable
{
    private const string Canonical = "Date,Open,High,Low,Close,Volume\n";
    private readonly TempDirectory _folder = new();

    public DataImportCliTests()
    {
        Directory.CreateDirectory(Bundled);
        Directory.CreateDirectory(Incoming);
        File.WriteAllText(Path.Combine(Bundled, "TCS.csv"), string.Join('\n',
            BundledLayoutCsv.Header, BundledLayoutCsv.Row("2022-01-03", 100), BundledLayoutCsv.Row("2022-01-04", 101)) + "\n");
    }

    private string Bundled => _folder.Combine("bundled");

    private string Store => _folder.Combine("store");

    private string Incoming => _folder.Combine("incoming");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Import_GoodFile_ReportsRowsAndRangeAndWritesTheStore()
    {
        string file = WriteIncoming("INFY.csv", Canonical + "2020-01-01,99,101,98,100,1000\n2020-01-02,100,102,99,101,1200\n");

        var run = await ImportAsync(file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["Imported 1 of 1 file: 1 symbol, 2 rows added, 0 identical, 0 replaced.", "  INFY: 2 added, 0 identical, 0 replaced; 2020-01-01 to 2020-01-02"],
            run.OutLines);
        Assert.Empty(run.ErrorLines);
        Assert.Equal(Canonical + "2020-01-01,99,101,98,100,1000\n2020-01-02,100,102,99,101,1200\n", File.ReadAllText(Path.Combine(Store, "INFY.csv")));
    }

    [Fact]
    public async Task Import_ExtendingABundledSymbol_KeepsTheBundledRowsAndCountsTheOverlapIdentical()
    {
        byte[] bundledBefore = File.ReadAllBytes(Path.Combine(Bundled, "TCS.csv"));
        string file = WriteIncoming("TCS.csv", Canonical + "2022-01-04,101,102,100,101,1000\n2022-01-05,102,103,101,102,1000\n");

        var run = await ImportAsync(file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("  TCS: 1 added, 1 identical, 0 replaced; 2022-01-04 to 2022-01-05", run.OutLines[1]);
        Assert.Equal(
            Canonical + "2022-01-03,100,101,99,100,1000\n2022-01-04,101,102,100,101,1000\n2022-01-05,102,103,101,102,1000\n",
            File.ReadAllText(Path.Combine(Store, "TCS.csv")));
        Assert.Equal(bundledBefore, File.ReadAllBytes(Path.Combine(Bundled, "TCS.csv")));
    }

    [Fact]
    public async Task Import_ConflictingFile_ExitsTwoShowingBothRowsAndWritesNothing()
    {
        string file = WriteIncoming("TCS.csv", Canonical + "2022-01-04,101,102,100,101.5,1000\n2022-01-05,102,103,101,102,1000\n");

        var run = await ImportAsync(file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["Imported 0 of 1 file: 0 symbols, 0 rows added, 0 identical, 0 replaced."], run.OutLines);
        Assert.Equal(
            [$"Error: {file}: TCS 2022-01-04: stored O 101 H 102 L 100 C 101 V 1000, imported O 101 H 102 L 100 C 101.5 V 1000; run again with --replace to take the imported rows"],
            run.ErrorLines);
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public async Task Import_ConflictingFileWithReplace_TakesTheImportedRow()
    {
        string file = WriteIncoming("TCS.csv", Canonical + "2022-01-04,101,102,100,101.5,1000\n");

        var run = await ImportAsync(file, "--replace");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("  TCS: 0 added, 0 identical, 1 replaced; 2022-01-04 to 2022-01-04", run.OutLines[1]);
        Assert.Equal(Canonical + "2022-01-03,100,101,99,100,1000\n2022-01-04,101,102,100,101.5,1000\n", File.ReadAllText(Path.Combine(Store, "TCS.csv")));
    }

    [Fact]
    public async Task Import_MissingPath_ExitsTwoNamingItAndWritesNothing()
    {
        string missing = _folder.Combine("nope.csv");

        var run = await ImportAsync(missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["Imported 0 of 1 file: 0 symbols, 0 rows added, 0 identical, 0 replaced."], run.OutLines);
        Assert.Equal([$"Error: {missing}: no such file"], run.ErrorLines);
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public async Task Import_MissingPathBesideAGoodFile_ImportsTheGoodOneAndExitsTwo()
    {
        string missing = _folder.Combine("nope.csv");
        string file = WriteIncoming("INFY.csv", Canonical + "2020-01-01,99,101,98,100,1000\n");

        var run = await ImportAsync(missing, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Imported 1 of 2 files: 1 symbol, 1 row added, 0 identical, 0 replaced.", run.OutLines[0]);
        Assert.Equal([$"Error: {missing}: no such file"], run.ErrorLines);
        Assert.True(File.Exists(Path.Combine(Store, "INFY.csv")));
    }

    [Fact]
    public async Task Data_Json_ListsAStoredSymbolWithItsSourceAndTheBundledOneAsBundled()
    {
        new UserBarStore(Store).Merge(new ImportedSeries(new BarSeries("INFY", [new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2020, 1, 2).DayNumber], [99, 100], [101, 102], [98, 99], [100, 101], [1000, 1000]), [])
        {
            Source = "import:INFY.csv",
        }, new MarketData.ListedMarketData(new MarketData.DataListing([], [], null)), replace: false);

        var run = await Cli.RunAsync("data", "--data", Bundled, "--store", Store, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Raw);
        var symbols = json.RootElement.GetProperty("symbols").EnumerateArray().ToArray();
        Assert.Equal(["INFY", "TCS"], symbols.Select(s => s.GetProperty("symbol").GetString()));
        Assert.Equal(("2020-01-01", "2020-01-02", 2, "import:INFY.csv"), Summary(symbols[0]));
        Assert.Equal(JsonValueKind.String, symbols[0].GetProperty("updated").ValueKind);
        Assert.Equal(("2022-01-03", "2022-01-04", 2, "bundled"), Summary(symbols[1]));
        Assert.Equal(JsonValueKind.Null, symbols[1].GetProperty("updated").ValueKind);
    }

    [Fact]
    public async Task Data_AfterAnImport_ShowsTheSymbolInTheTableWithTheFileAsSource()
    {
        string file = WriteIncoming("INFY.csv", Canonical + "2020-01-01,99,101,98,100,1000\n");
        Assert.Equal(0, (await ImportAsync(file)).ExitCode);

        var run = await Cli.RunAsync(outWidth: 160, "data", "--data", Bundled, "--store", Store);

        Assert.Equal(0, run.ExitCode);
        string row = Assert.Single(run.OutLines, l => l.Contains("INFY", StringComparison.Ordinal));
        Assert.Equal(["INFY", "2020-01-01", "2020-01-01", "1", "import:INFY.csv"], row.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[..5]);
        string tcs = Assert.Single(run.OutLines, l => l.Contains("TCS", StringComparison.Ordinal));
        Assert.Equal(["TCS", "2022-01-03", "2022-01-04", "2", "bundled"], tcs.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    private static (string?, string?, int, string?) Summary(JsonElement symbol) => (
        symbol.GetProperty("first").GetString(),
        symbol.GetProperty("last").GetString(),
        symbol.GetProperty("bars").GetInt32(),
        symbol.GetProperty("source").GetString());

    [Fact]
    public async Task Import_RawPricesWithASplitColumn_RecordTheSplitSoLoadsAdjustTheEarlierBars()
    {
        string file = WriteIncoming("INFY.csv", string.Join('\n',
            BundledLayoutCsv.Header,
            BundledLayoutCsv.Row("2024-03-01", 200),
            BundledLayoutCsv.Row("2024-03-04", 101).Replace(",0.0,0.0", ",0.0,2.0", StringComparison.Ordinal)) + "\n");

        var run = await ImportAsync(file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Recorded 1 split in actions.csv: prices before it are adjusted when loaded.", run.OutLines[^1]);
        Assert.Empty(run.ErrorLines);
        Assert.Equal("date,symbol,ratio,kind\n2024-03-04,INFY,2,split\n", File.ReadAllText(Path.Combine(Store, "actions.csv")));
        var bars = (await LoadAsync("INFY")).Bars;
        Assert.Equal([100d, 101d], bars.Close.ToArray());
        Assert.Equal([2000d, 1000d], bars.Volume.ToArray());

        var again = await ImportAsync(file);
        Assert.DoesNotContain(again.OutLines, line => line.StartsWith("Recorded", StringComparison.Ordinal));
        Assert.Equal("date,symbol,ratio,kind\n2024-03-04,INFY,2,split\n", File.ReadAllText(Path.Combine(Store, "actions.csv")));
    }

    [Fact]
    public async Task Import_AdjustedPricesWithASplitColumn_LeaveTheSplitOutAndSaySo()
    {
        string file = WriteIncoming("INFY.csv", string.Join('\n',
            BundledLayoutCsv.Header,
            BundledLayoutCsv.Row("2024-03-01", 100),
            BundledLayoutCsv.Row("2024-03-04", 101).Replace(",0.0,0.0", ",0.0,2.0", StringComparison.Ordinal)) + "\n");

        var run = await ImportAsync(file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["Note: INFY 2024-03-04: the prices are already adjusted for the split of ratio 2 (no jump across it); not recorded in actions.csv"],
            run.ErrorLines);
        Assert.False(File.Exists(Path.Combine(Store, "actions.csv")));
        var bars = (await LoadAsync("INFY")).Bars;
        Assert.Equal([100d, 101d], bars.Close.ToArray());
    }

    private async Task<LoadedSeries> LoadAsync(string symbol)
    {
        var options = new MarketDataOptions { Directory = Bundled, UserDirectory = Store, UseCache = false };
        var store = new MarketDataStore(Options.Create(options), NullLogger<MarketDataStore>.Instance);
        return await store.LoadAsync(symbol, lenient: false);
    }

    private Task<CliResult> ImportAsync(params string[] paths) =>
        Cli.RunAsync(["data", "import", .. paths, "--data", Bundled, "--store", Store]);

    private string WriteIncoming(string name, string text)
    {
        string path = Path.Combine(Incoming, name);
        File.WriteAllText(path, text);
        return path;
    }
}
