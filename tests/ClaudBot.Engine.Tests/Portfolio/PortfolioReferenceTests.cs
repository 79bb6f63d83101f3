using System.Globalization;
using System.Text.Json;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Portfolio;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Portfolio;

/// <summary>
/// Portfolio backtests against the independent Python reference (portfolio.json, from tests/reference/portfolio_reference.py
/// over docs/portfolio.md): every day's equity, cash, exposure and positions, the metrics, the benchmark's equity and
/// metrics, each symbol's contribution, every contest and every trade, to 1e-9.
/// </summary>
public sealed class PortfolioReferenceTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Cases() => [.. Reference.Read("portfolio.json").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Portfolio_MatchesIndependentReference(string name)
    {
        var expected = Reference.Read("portfolio.json").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var result = PortfolioSimulator.Run(Settings(expected));
        var report = expected.GetProperty("report");

        Assert.Equal(ReferenceAssert.Date(report, "from"), result.From);
        Assert.Equal(ReferenceAssert.Date(report, "to"), result.To);
        Assert.Equal(report.GetProperty("days").GetInt32(), result.Days.Count);
        Days(report, result.Days);
        Metrics(report.GetProperty("metrics"), result.Metrics);
        Benchmark(report.GetProperty("benchmark"), result.Benchmark);
        Contribution(report.GetProperty("contribution"), result.Contribution);
        Contests(report.GetProperty("contests"), result.Contests);
        Trades(report.GetProperty("trades"), result.Trades);
        var strategies = expected.GetProperty("strategies").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(strategies.Keys.Order(StringComparer.Ordinal), result.Strategies.Select(s => s.Symbol));
        foreach (var (symbol, strategy) in result.Strategies)
        {
            Assert.Equal(strategies[symbol].TryGetProperty("rule", out _) ? "rule" : strategies[symbol].GetProperty("name").GetString(), strategy.Name);
        }
    }

    /// <summary>A fixture case as the engine's settings: bars from data/*.csv or inline, strategies, size, ranking, execution.</summary>
    internal static PortfolioSettings Settings(JsonElement spec)
    {
        var symbols = spec.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!).ToArray();
        var bars = spec.TryGetProperty("bars", out var inline)
            ? symbols.Select(s => InlineBars(s, inline.GetProperty(s))).ToArray()
            : symbols.Select(TestBars.Load).ToArray();
        var execution = spec.GetProperty("execution");
        var perSymbol = spec.TryGetProperty("per_symbol", out var own)
            ? own.EnumerateObject().ToDictionary(p => p.Name, p => Strategy(p.Value))
            : [];
        return new PortfolioSettings(bars, ReferenceAssert.Date(spec, "from"), ReferenceAssert.Date(spec, "to"), Strategy(spec.GetProperty("strategy")), spec.GetProperty("max_positions").GetInt32())
        {
            PerSymbol = perSymbol,
            Rank = PortfolioRanking.Parse(spec.TryGetProperty("rank", out var rank) ? rank.GetString()! : "strength"),
            Size = PortfolioSizing.Parse(execution.TryGetProperty("size", out var size) ? size.GetString()! : "slots"),
            Execution = ReferenceExecution.Execution(execution) with { InitialCapital = spec.GetProperty("initial_capital").GetDouble() },
            Exits = ReferenceExecution.Exits(execution),
        };
    }

    private static StrategyParameters Strategy(JsonElement spec)
    {
        if (spec.TryGetProperty("rule", out var rule))
        {
            return StrategyParser.Parse(rule.GetString()!).Parameters[0];
        }

        var values = spec.EnumerateObject().Where(p => p.Name != "name").ToDictionary(p => p.Name, p => p.Value.GetDouble());
        return StrategyCatalog.Find(spec.GetProperty("name").GetString()!)!.Create(values);
    }

    private static BarSeries InlineBars(string symbol, JsonElement rows)
    {
        var list = rows.EnumerateArray().ToArray();
        double[] Column(string name) => [.. list.Select(r => r.GetProperty(name).GetDouble())];
        return new BarSeries(symbol, [.. list.Select(r => ReferenceAssert.Date(r, "date").DayNumber)], Column("open"), Column("high"), Column("low"), Column("close"), Column("volume"));
    }

    private static void Days(JsonElement report, IReadOnlyList<PortfolioDay> days)
    {
        var dates = report.GetProperty("dates").EnumerateArray().ToArray();
        var equity = report.GetProperty("equity").EnumerateArray().ToArray();
        var cash = report.GetProperty("cash").EnumerateArray().ToArray();
        var exposure = report.GetProperty("exposure").EnumerateArray().ToArray();
        var positions = report.GetProperty("positions").EnumerateArray().ToArray();
        for (int k = 0; k < days.Count; k++)
        {
            string day = dates[k].GetString()!;
            Assert.Equal(day, days[k].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Reference.Close(equity[k].GetDouble(), days[k].Equity, Tolerance, $"{day} equity");
            Reference.Close(cash[k].GetDouble(), days[k].Cash, Tolerance, $"{day} cash");
            Reference.Close(exposure[k].GetDouble(), days[k].Exposure, Tolerance, $"{day} exposure");
            Assert.True(positions[k].GetInt32() == days[k].Positions, $"{day} positions: expected {positions[k].GetInt32()}, got {days[k].Positions}");
        }
    }

    private static void Metrics(JsonElement expected, PortfolioMetrics actual)
    {
        Backtest(expected, actual.Backtest);
        Reference.Close(expected.GetProperty("mean_exposure").GetDouble(), actual.MeanExposure, Tolerance, "mean_exposure");
        Reference.Close(expected.GetProperty("mean_positions").GetDouble(), actual.MeanPositions, Tolerance, "mean_positions");
        Assert.Equal(expected.GetProperty("max_positions_held").GetInt32(), actual.MaxPositionsHeld);
    }

    private static void Backtest(JsonElement expected, BacktestMetrics actual)
    {
        ReferenceAssert.Metrics(expected, actual);
        Reference.Close(expected.GetProperty("fees").GetDouble(), actual.Fees, Tolerance, "fees");
        Reference.Close(expected.GetProperty("turnover").GetDouble(), actual.Turnover, Tolerance, "turnover");
        Assert.Equal(expected.GetProperty("skipped_entries").GetInt32(), actual.SkippedEntries);
    }

    private static void Benchmark(JsonElement expected, PortfolioBenchmark actual)
    {
        var equity = expected.GetProperty("equity").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(equity.Length, actual.Equity.Count);
        for (int k = 0; k < equity.Length; k++)
        {
            Reference.Close(equity[k], actual.Equity[k], Tolerance, $"benchmark equity on day {k}");
        }

        Backtest(expected.GetProperty("metrics"), actual.Metrics);
    }

    private static void Contribution(JsonElement expected, IReadOnlyList<SymbolContribution> actual)
    {
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), actual.Select(c => c.Symbol));
        foreach (var part in actual)
        {
            var want = expected.GetProperty(part.Symbol);
            Reference.Close(want.GetProperty("pnl").GetDouble(), part.ProfitLoss, Tolerance, $"{part.Symbol} contribution");
            Reference.Close(want.GetProperty("share").GetDouble(), part.Share, Tolerance, $"{part.Symbol} share");
            Assert.Equal(want.GetProperty("trades").GetInt32(), part.Trades);
        }
    }

    private static void Contests(JsonElement expected, IReadOnlyList<PortfolioContest> actual)
    {
        var contests = expected.EnumerateArray().ToArray();
        Assert.Equal(contests.Length, actual.Count);
        for (int i = 0; i < contests.Length; i++)
        {
            var want = contests[i];
            var got = actual[i];
            Assert.Equal(ReferenceAssert.Date(want, "date"), got.Date);
            Assert.Equal(want.GetProperty("free").GetInt32(), got.Free);
            var ranked = want.GetProperty("ranked").EnumerateArray().ToArray();
            Assert.Equal(ranked.Select(r => r[0].GetString()), got.Ranked.Select(r => r.Symbol));
            for (int r = 0; r < ranked.Length; r++)
            {
                double value = ranked[r][1].ValueKind == JsonValueKind.Null ? double.NaN : ranked[r][1].GetDouble();
                Reference.Close(value, got.Ranked[r].Value, Tolerance, $"{got.Date} rank value of {got.Ranked[r].Symbol}");
            }

            Assert.Equal(want.GetProperty("entered").EnumerateArray().Select(e => e.GetString()), got.Entered);
            Assert.Equal(want.GetProperty("tie_at_cut").GetBoolean(), got.TieAtCut);
        }
    }

    private static void Trades(JsonElement expected, IReadOnlyList<PortfolioTrade> actual)
    {
        var trades = expected.EnumerateArray().ToArray();
        Assert.Equal(trades.Length, actual.Count);
        for (int i = 0; i < trades.Length; i++)
        {
            var want = trades[i];
            var got = actual[i];
            string what = $"trade {i} ({got.Symbol} {got.EntryDate:yyyy-MM-dd})";
            Assert.Equal(
                (want.GetProperty("symbol").GetString(), ReferenceAssert.Date(want, "entry_date"), ReferenceAssert.Date(want, "exit_date"), want.GetProperty("reason").GetString()),
                (got.Symbol, got.EntryDate, got.ExitDate, got.Reason.ToString().ToLowerInvariant()));
            Reference.Close(want.GetProperty("entry_price").GetDouble(), got.EntryPrice, Tolerance, $"{what} entry price");
            Reference.Close(want.GetProperty("exit_price").GetDouble(), got.ExitPrice, Tolerance, $"{what} exit price");
            Reference.Close(want.GetProperty("shares").GetDouble(), got.Shares, Tolerance, $"{what} shares");
            Reference.Close(want.GetProperty("fees").GetDouble(), got.Fees, Tolerance, $"{what} fees");
            Reference.Close(want.GetProperty("return").GetDouble(), got.Return, Tolerance, $"{what} return");
            Reference.Close(want.GetProperty("pnl").GetDouble(), got.ProfitLoss, Tolerance, $"{what} pnl");
        }
    }
}
