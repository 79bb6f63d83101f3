using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.MarketData;
using ClaudBot.Testing;

namespace ClaudBot.Backtesting.Tests;

public sealed class DataFileTests : IDisposable
{
    private const string SkippedNote = "TCS: skipped 1 bad row (first: line 4: 'Close' is not a number: \"abc\")";

    private readonly TempDirectory _data = new();

    public DataFileTests() => _data.Write("TCS.csv", BundledLayoutCsv.WithBadCloseOnLine4());

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task LenientRequest_SkipsTheBadRowWithANoteAndRuns()
    {
        using var harness = new BacktestHarness(_data.Path);

        var report = await harness.RunAsync(Requests.Of("buy_hold", "TCS", "2022-01-03", "2022-01-10") with { Lenient = true });

        Assert.Equal([SkippedNote], report.Notes);
        var result = Assert.Single(report.Results);
        Assert.Equal(5, result.Range.Count);
        Assert.Equal(1, result.Metrics.Trades);
    }

    [Fact]
    public async Task StrictRequest_ThrowsNamingTheFileAndLine()
    {
        using var harness = new BacktestHarness(_data.Path);

        var error = await Assert.ThrowsAsync<CsvFormatException>(
            () => harness.RunAsync(Requests.Of("buy_hold", "TCS", "2022-01-03", "2022-01-10") with { Lenient = false }));

        Assert.Equal($"{_data.Name}/TCS.csv line 4: 'Close' is not a number: \"abc\"", error.Message);
        Assert.Equal(4, error.LineNumber);
    }

    [Fact]
    public async Task RequestWithoutLenient_FollowsTheConfiguredDefault()
    {
        using var lenient = new BacktestHarness(_data.Path, new Dictionary<string, string?> { ["MarketData:Lenient"] = "true" });
        using var strict = new BacktestHarness(_data.Path);
        var request = Requests.Of("buy_hold", "TCS", "2022-01-03", "2022-01-10");

        var report = await lenient.RunAsync(request);
        await Assert.ThrowsAsync<CsvFormatException>(() => strict.RunAsync(request));

        Assert.Equal([SkippedNote], report.Notes);
    }

    [Fact]
    public async Task StrictRequestAfterALenientOne_StillThrows()
    {
        using var harness = new BacktestHarness(_data.Path);
        var request = Requests.Of("buy_hold", "TCS", "2022-01-03", "2022-01-10");

        await harness.RunAsync(request with { Lenient = true });
        var error = await Assert.ThrowsAsync<CsvFormatException>(() => harness.RunAsync(request with { Lenient = false }));

        Assert.Equal(4, error.LineNumber);
    }
}
