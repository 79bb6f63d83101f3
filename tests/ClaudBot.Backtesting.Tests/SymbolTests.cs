using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.MarketData;

namespace ClaudBot.Backtesting.Tests;

public sealed class SymbolTests : IDisposable
{
    private const string MergerNote = "HDFC Ltd merged into HDFC Bank in July 2023; HDFC resolves to HDFCBANK";

    private readonly BacktestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Hdfc_RunsOnHdfcBankWithTheMergerNote()
    {
        var report = await _harness.RunAsync(Requests.Of("rsi", "HDFC", "2022-01-01", "2022-12-31"));

        Assert.Equal("HDFCBANK", Assert.Single(report.Results).Symbol);
        Assert.Equal([MergerNote], report.Notes);
    }

    [Fact]
    public async Task HdfcAndHdfcBank_GiveOneResultEqualToHdfcBankAlone()
    {
        var both = await _harness.RunAsync(Requests.Of("rsi", "HDFC,HDFCBANK", "2022-01-01", "2022-12-31"));
        var direct = await _harness.RunAsync(Requests.Of("rsi", "HDFCBANK", "2022-01-01", "2022-12-31"));

        Assert.Equal("HDFCBANK", Assert.Single(both.Results).Symbol);
        Assert.Equal(Assert.Single(direct.Results).Metrics, both.Results[0].Metrics);
        Assert.Empty(direct.Notes);
    }

    [Fact]
    public async Task UnknownSymbol_ThrowsWithSuggestionBeforeLoadingAny()
    {
        var error = await Assert.ThrowsAsync<UnknownSymbolException>(
            () => _harness.RunAsync(Requests.Of("rsi", "TCS,RELIANC", "2022-01-01", "2022-12-31")));

        Assert.Equal("Unknown symbol \"RELIANC\": did you mean RELIANCE?", error.Message);
        Assert.Equal(["RELIANCE"], error.Suggestions);
        Assert.Empty(_harness.CachedSymbols);
    }

    [Fact]
    public async Task UnknownSymbolWithNothingClose_SaysHowManyThereAre()
    {
        var error = await Assert.ThrowsAsync<UnknownSymbolException>(
            () => _harness.RunAsync(Requests.Of("rsi", "XYZQWV", "2022-01-01", "2022-12-31")));

        Assert.Equal("Unknown symbol \"XYZQWV\": nothing similar among the data; ask for the symbol list to see all 49 available.", error.Message);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("TCS;rm -rf /")]
    public async Task InvalidSymbol_ThrowsWithTheRule(string symbol)
    {
        var request = new BacktestRequest("rsi", [symbol], new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));

        var error = await Assert.ThrowsAsync<InvalidSymbolException>(() => _harness.RunAsync(request));

        Assert.Equal(
            $"\"{symbol}\" is not a valid symbol: a symbol is 1 to 20 letters, digits, '&', '-' or '.', starting with a letter or digit (e.g. RELIANCE, M&M, BAJAJ-AUTO).",
            error.Message);
        Assert.Equal(symbol, error.Input);
    }

    [Fact]
    public async Task NoSymbols_ThrowsInvalidSymbol()
    {
        var request = new BacktestRequest("rsi", [], new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));

        var error = await Assert.ThrowsAsync<InvalidSymbolException>(() => _harness.RunAsync(request));

        Assert.StartsWith("An empty symbol is not a valid symbol: ", error.Message, StringComparison.Ordinal);
    }
}
