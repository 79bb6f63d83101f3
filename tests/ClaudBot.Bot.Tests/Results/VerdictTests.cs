using ClaudBot.Bot.Results;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Tests.Results;

/// <summary>The verdict under a table that compared strategies: the best Sharpe per symbol, beside buy and hold.</summary>
public sealed class VerdictTests
{
    private static ResultRow Row(string strategy, string text, string symbol, double sharpe, double totalReturn, double? hold) =>
        new(0, strategy, text, symbol, new DateOnly(2022, 1, 3), new DateOnly(2023, 12, 29), totalReturn, 0.1, sharpe, -0.2, 4, 0.5, 1.5, 1_000_000 * (1 + totalReturn))
        {
            BenchmarkReturn = hold,
        };

    private static ResultsSummary Summary(string strategies, params ResultRow[] best) =>
        new("j1", "completed", new JobSpec(strategies, [.. best.Select(b => b.Symbol)], new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), 10, "tester", DateTimeOffset.UnixEpoch),
            [], 10, 10, 0, new ResultsTimings(0, 0, 0), best, best, [], 0);

    [Fact]
    public void ComparedStrategies_NameTheBestPerSymbol_WithItsReturnBesideBuyAndHolds()
    {
        var summary = Summary(
            "rsi(period=7|14), macd, buy_hold",
            Row("rsi", "rsi(period=7, lower=30, upper=70)", "TCS", 1.234, 0.3456, 0.12),
            Row("buy_hold", "buy_hold", "INFY", 0.8, 0.25, 0.25));

        Assert.Equal(
            "Verdict (best Sharpe per symbol): TCS: rsi(period=7, lower=30, upper=70) (Sharpe 1.23, return 34.6% against buy and hold's 12.0%); "
            + "INFY: buy and hold itself: no strategy beat it (Sharpe 0.80, return 25.0%).",
            Verdict.Of(summary));
    }

    [Fact]
    public void OneStrategysGrid_GetsNoVerdict_ItsTableSaysIt()
    {
        Assert.Null(Verdict.Of(Summary("rsi(period=7..21 step 7)", Row("rsi", "rsi(period=7, lower=30, upper=70)", "TCS", 1, 0.1, 0.05))));
    }

    [Fact]
    public void ManySymbols_NameTheFirstFive_AndCountTheRest()
    {
        var rows = Enumerable.Range(0, 7).Select(i => Row("macd", "macd(fast=12, slow=26, signal=9)", $"S{i}", 1.0 - (i / 10.0), 0.1, null)).ToArray();

        string verdict = Verdict.Of(Summary("rsi, macd", rows))!;

        Assert.Equal(Verdict.SymbolsNamed, verdict.Split("; ").Length - 1);
        Assert.EndsWith("; 2 more symbols in the table above.", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("S5", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("against buy and hold", verdict, StringComparison.Ordinal);
    }
}
