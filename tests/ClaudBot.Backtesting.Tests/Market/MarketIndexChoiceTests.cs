using System.Text.Json;
using ClaudBot.Backtesting.Market;
using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.Engine;
using ClaudBot.Testing;

namespace ClaudBot.Backtesting.Tests.Market;

/// <summary>
/// Which market beta and alpha are against: an imported NIFTY 50 series when the data has one, else the equal-weight
/// index of the NIFTY 50 constituents present; the label travels with every result and its JSON.
/// </summary>
public sealed class MarketIndexChoiceTests : IDisposable
{
    private const string EqualWeightOfTwo = "equal-weight of 2 NIFTY 50 constituents present (not the official index)";
    private static readonly Lazy<int[]> TcsDays = new(() => [.. Closes("TCS").Keys.Order()]);
    private readonly TempDirectory _data = new();

    public MarketIndexChoiceTests()
    {
        Copy("TCS");
        Copy("INFY");
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task WithANifty50Csv_BetaAndAlphaAreAgainstItsCloses_AndTheResultSaysSo()
    {
        // The "index" is RELIANCE's history under the name NIFTY50: far from the equal-weight of TCS and INFY.
        File.Copy(Path.Combine(BacktestHarness.BundledData, "RELIANCE.csv"), _data.Combine("NIFTY50.csv"));
        var closes = Closes("RELIANCE");

        var result = await RunBuyHoldAsync();

        var (beta, alpha) = HandBetaAlpha(result, closes);
        Assert.Equal("NIFTY50 (imported)", result.Market!.Index);
        Assert.Equal(beta, result.Market.Beta!.Value, 1e-9);
        Assert.Equal(alpha, result.Market.Alpha!.Value, 1e-9);
        Assert.Equal("NIFTY50 (imported)", Json(result).GetProperty("market_index").GetString());
    }

    [Fact]
    public async Task WithoutAnIndexSeries_TheEqualWeightOfTheConstituentsPresent_LeavesOtherSymbolsOut()
    {
        // Not a constituent: it must not move the index.
        _data.Write("ZZZ.csv", File.ReadAllText(Path.Combine(BacktestHarness.BundledData, "ADANIENT.csv")));
        var expectedIndex = EqualWeightIndex.Build([await Bars("TCS"), await Bars("INFY")]);
        var closes = Enumerable.Range(0, expectedIndex.Days.Length).ToDictionary(k => expectedIndex.Days[k], k => expectedIndex.Levels[k]);

        var result = await RunBuyHoldAsync();

        var (beta, alpha) = HandBetaAlpha(result, closes);
        Assert.Equal(EqualWeightOfTwo, result.Market!.Index);
        Assert.Equal(beta, result.Market.Beta!.Value, 1e-9);
        Assert.Equal(alpha, result.Market.Alpha!.Value, 1e-9);
        Assert.Equal(EqualWeightOfTwo, Json(result).GetProperty("market_index").GetString());
    }

    [Fact]
    public async Task ANifty50ImportedWhileTheCacheLives_TakesOverFromTheEqualWeightIndex()
    {
        string user = Directory.CreateDirectory(_data.Combine("market")).FullName;
        var store = new MarketData.MarketDataStore(
            Microsoft.Extensions.Options.Options.Create(new MarketData.MarketDataOptions { Directory = _data.Path, UserDirectory = user, UseCache = false }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MarketData.MarketDataStore>.Instance);
        var cache = new MarketIndexCache(store);
        Assert.Equal(EqualWeightOfTwo, (await cache.GetAsync(CancellationToken.None))!.Label);
        Assert.Same(await cache.GetAsync(CancellationToken.None), await cache.GetAsync(CancellationToken.None));

        File.Copy(Path.Combine(BacktestHarness.BundledData, "RELIANCE.csv"), Path.Combine(user, "NIFTY50.csv"));
        Directory.SetLastWriteTimeUtc(user, Directory.GetLastWriteTimeUtc(user).AddSeconds(2));

        var index = (await cache.GetAsync(CancellationToken.None))!;
        Assert.Equal("NIFTY50 (imported)", index.Label);
        var reliance = Closes("RELIANCE");
        Assert.Equal(reliance.Count, index.Days.Length);
        Assert.True(index.TryLevel(index.Days[^1], out double last));
        Assert.Equal(reliance[index.Days[^1]], last);
    }

    [Fact]
    public async Task AnAliasNamedNsei_FindsTheImportedIndexUnderItsOwnName()
    {
        File.Copy(Path.Combine(BacktestHarness.BundledData, "RELIANCE.csv"), _data.Combine("NIFTYINDEX.csv"));
        _data.Write("aliases.csv", "alias,symbol,note\nNSEI,NIFTYINDEX,Yahoo's name of the NIFTY 50\n");

        var result = await RunBuyHoldAsync();

        Assert.Equal("NIFTYINDEX (imported)", result.Market!.Index);
    }

    [Fact]
    public async Task BundledData_IsTheEqualWeightOf49Constituents()
    {
        using var harness = new BacktestHarness();

        var result = Assert.Single((await harness.RunAsync(Requests.Of("buy_hold", "TCS", "2022-01-01", "2022-12-31"))).Results);

        Assert.Equal("equal-weight of 49 NIFTY 50 constituents present (not the official index)", result.Market!.Index);
    }

    private void Copy(string symbol) => File.Copy(Path.Combine(BacktestHarness.BundledData, symbol + ".csv"), _data.Combine(symbol + ".csv"));

    private async Task<BacktestResult> RunBuyHoldAsync()
    {
        using var harness = new BacktestHarness(_data.Path);
        var report = await harness.RunAsync(Requests.Of("buy_hold", "TCS", "2022-01-01", "2024-12-31") with { IncludeEquity = true });
        return Assert.Single(report.Results);
    }

    private async Task<Engine.Data.BarSeries> Bars(string symbol)
    {
        var store = new MarketData.MarketDataStore(
            Microsoft.Extensions.Options.Options.Create(new MarketData.MarketDataOptions { Directory = _data.Path, UseCache = false }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MarketData.MarketDataStore>.Instance);
        return (await store.LoadAsync(symbol)).Bars;
    }

    // Closes by day number, read plainly from the bundled layout (date first, close fifth).
    private static Dictionary<int, double> Closes(string symbol) =>
        File.ReadLines(Path.Combine(BacktestHarness.BundledData, symbol + ".csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(
                f => DateOnly.ParseExact(f[0][..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayNumber,
                f => double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));

    // beta = cov(r_s, r_m) / var(r_m), alpha = (mean r_s - beta mean r_m) x 252, over days the index has both closes.
    private static (double Beta, double Alpha) HandBetaAlpha(BacktestResult result, Dictionary<int, double> index)
    {
        var equity = result.Equity!;
        var days = Enumerable.Range(result.Range.Start, result.Range.Count).Select(i => TcsDays.Value[i]).ToArray();
        var pairs = Enumerable.Range(1, equity.Count - 1)
            .Where(t => index.ContainsKey(days[t]) && index.ContainsKey(days[t - 1]))
            .Select(t => (S: (equity[t] / equity[t - 1]) - 1, M: (index[days[t]] / index[days[t - 1]]) - 1))
            .ToList();
        double meanS = pairs.Average(p => p.S);
        double meanM = pairs.Average(p => p.M);
        double beta = pairs.Sum(p => (p.S - meanS) * (p.M - meanM)) / pairs.Sum(p => (p.M - meanM) * (p.M - meanM));
        return (beta, (meanS - (beta * meanM)) * 252);
    }

    private static JsonElement Json(BacktestResult result) => JsonDocument.Parse(ResultJsonWriterTests.Write(result)).RootElement;
}
