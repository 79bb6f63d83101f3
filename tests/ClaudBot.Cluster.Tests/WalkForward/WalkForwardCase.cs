using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Tests.Support;
using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Cluster.Tests.WalkForward;

/// <summary>
/// One case of walkforward.json (tests/reference/walkforward_reference.py, written from docs/walk-forward.md): its
/// windows, grid and execution as the engine's types, the walk-forward run here, and the comparison with the reference.
/// </summary>
internal sealed class WalkForwardCase(JsonElement json)
{
    public static JsonElement[] All() => [.. Reference.Read("walkforward.json").EnumerateArray()];

    public static WalkForwardCase Named(string name) => new(All().Single(c => c.GetProperty("name").GetString() == name));

    public JsonElement Json => json;

    public string[] Symbols => [.. json.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!)];

    public string GridText => json.GetProperty("grid_text").GetString()!;

    public int MinTrades => json.GetProperty("min_trades").GetInt32();

    public string Objective => json.GetProperty("objective").GetString()!;

    public SimulationSettings Settings => ReferenceExecution.Settings(json.GetProperty("execution")) with
    {
        InitialCapital = json.GetProperty("initial_capital").GetDouble(),
    };

    public IReadOnlyList<StrategyParameters> Grid()
    {
        var definition = StrategyCatalog.Find(GridText[..GridText.IndexOf('(', StringComparison.Ordinal)])!;
        var exits = ReferenceExecution.Exits(json.GetProperty("execution"));
        return [.. json.GetProperty("grid").EnumerateArray()
            .Select(point => definition.Create(point.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble())))
            .Select(p => exits.Any ? p.WithExits(exits) : p)];
    }

    public IReadOnlyList<WalkForwardWindow> Windows() => WalkForwardWindows.Plan(
        ReferenceAssert.Date(json, "from"), ReferenceAssert.Date(json, "to"), Length("in"), Length("out"), Length("step"), json.GetProperty("anchored").GetBoolean());

    public PeriodLength Length(string name) => new(json.GetProperty(name).GetProperty("months").GetInt32(), json.GetProperty(name).GetProperty("days").GetInt32());

    /// <summary>The case as a job for the cluster: its grid, symbols, period, execution and walk-forward settings.</summary>
    public JobRequest Request()
    {
        var execution = json.GetProperty("execution");
        string? Text(string name) => execution.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new JobRequest(GridText, Symbols, ReferenceAssert.Date(json, "from"), ReferenceAssert.Date(json, "to"), "tests")
        {
            Execution = new Backtesting.Execution.ExecutionChoice(
                Text("costs"),
                execution.TryGetProperty("slippage_bps", out var slippage) ? slippage.GetDouble() : 0,
                Text("size") ?? "all",
                execution.TryGetProperty("whole_shares", out var whole) ? whole.GetBoolean() : null)
            {
                Exits = ReferenceExecution.Exits(execution),
            },
            WalkForward = new WalkForwardSettings(Length("in"), Length("out"))
            {
                Step = Length("step"),
                Anchored = json.GetProperty("anchored").GetBoolean(),
                Objective = Objective,
                MinTrades = MinTrades,
            },
        };
    }

    /// <summary>The whole walk-forward of one symbol here: every grid point in-sample per window, picked as the node picks, then analysed.</summary>
    public SymbolWalkForward Run(string symbol)
    {
        var bars = TestBars.Load(symbol);
        var grid = Grid();
        var windows = Windows();
        var settings = Settings;
        var backtester = new Backtester();
        var picks = new List<WindowPick>();
        foreach (var window in windows)
        {
            var range = BarRange.Resolve(bars, window.InFrom, window.InTo);
            var picker = new WalkForwardPicker(RankedMetric.Find(Objective)!, MinTrades);
            for (int p = 0; p < grid.Count; p++)
            {
                var metrics = backtester.RunMetrics(grid[p], bars, range, settings);
                picker.Offer(p, StoredRow.Of(metrics, metrics, window.InFrom, window.InTo, range.Count, 0, null, null));
            }

            picks.Add(new WindowPick(picker.Pick, picker.InSample, picker.NoPickReason()));
        }

        return new WalkForwardAnalysis(backtester).Analyse(bars, windows, grid, picks, settings);
    }

    /// <summary>Asserts one symbol's walk-forward equals the reference's: windows, picks, every figure to 1e-9, every trade.</summary>
    public void AssertMatches(string symbol, SymbolWalkForward actual)
    {
        var expected = json.GetProperty("results").GetProperty(symbol);
        var windows = expected.GetProperty("windows").EnumerateArray().ToArray();
        Assert.Equal(windows.Length, actual.Windows.Count);
        for (int k = 0; k < windows.Length; k++)
        {
            var (want, got) = (windows[k], actual.Windows[k]);
            string at = $"{symbol} window {k}";
            Assert.Equal(
                (ReferenceAssert.Date(want, "in_first"), ReferenceAssert.Date(want, "in_last"), ReferenceAssert.Date(want, "out_first"), ReferenceAssert.Date(want, "out_last")),
                (got.InFirst, got.InLast, got.OutFirst, got.OutLast));
            Assert.Equal(want.GetProperty("pick").ValueKind == JsonValueKind.Null ? null : want.GetProperty("pick").GetInt32(), got.Pick);
            OptionalMetrics(want.GetProperty("in_metrics"), got.InSample, at + " in-sample");
            OptionalMetrics(want.GetProperty("out_metrics"), got.OutOfSample, at + " out-of-sample");
            Optional(want.GetProperty("efficiency"), got.Efficiency, at + " efficiency");
        }

        var stitched = expected.GetProperty("stitched");
        Assert.Equal((ReferenceAssert.Date(stitched, "first"), ReferenceAssert.Date(stitched, "last")), (actual.Dates[0], actual.Dates[^1]));
        Metrics(stitched.GetProperty("metrics"), actual.Stitched.Metrics, symbol + " stitched");
        var equity = stitched.GetProperty("equity").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(equity.Length, actual.Stitched.Equity.Length);
        Assert.Equal(equity.Length, actual.Dates.Length);
        for (int i = 0; i < equity.Length; i++)
        {
            Reference.Close(equity[i], actual.Stitched.Equity[i], 1e-9, $"{symbol} stitched equity {i}");
        }

        Metrics(expected.GetProperty("buy_hold").GetProperty("metrics"), actual.BuyHold.Metrics, symbol + " buy and hold");
        Assert.NotNull(actual.Defaults);
        Metrics(expected.GetProperty("defaults").GetProperty("metrics"), actual.Defaults.Metrics, symbol + " defaults");
        Optional(expected.GetProperty("efficiency"), actual.Efficiency, symbol + " efficiency");
        Assert.Equal(expected.GetProperty("distinct_picks").GetInt32(), actual.DistinctPicks);
    }

    /// <summary>The stitched trades (the node's report keeps the curve, not trades; the engine's stitcher is checked here).</summary>
    public void AssertTrades(string symbol, BarSeries bars, IReadOnlyList<Trade> actual)
    {
        var trades = json.GetProperty("results").GetProperty(symbol).GetProperty("stitched").GetProperty("trades").EnumerateArray().ToArray();
        Assert.Equal(trades.Length, actual.Count);
        for (int i = 0; i < trades.Length; i++)
        {
            var (want, got) = (trades[i], actual[i]);
            Assert.Equal((ReferenceAssert.Date(want, "entry_date"), ReferenceAssert.Date(want, "exit_date")), (bars.DateAt(got.EntryIndex), bars.DateAt(got.ExitIndex)));
            Assert.Equal(want.GetProperty("reason").GetString(), got.Reason.ToString().ToLowerInvariant());
            Reference.Close(want.GetProperty("entry_price").GetDouble(), got.EntryPrice, 1e-12, $"{symbol} trade {i} entry price");
            Reference.Close(want.GetProperty("exit_price").GetDouble(), got.ExitPrice, 1e-12, $"{symbol} trade {i} exit price");
            Reference.Close(want.GetProperty("shares").GetDouble(), got.Shares, 1e-12, $"{symbol} trade {i} shares");
            Reference.Close(want.GetProperty("return").GetDouble(), got.Return, 1e-12, $"{symbol} trade {i} return");
            Reference.Close(want.GetProperty("fees").GetDouble(), got.Fees, 1e-9, $"{symbol} trade {i} fees");
        }
    }

    private static void OptionalMetrics(JsonElement expected, BacktestMetrics? actual, string what)
    {
        Assert.True((expected.ValueKind == JsonValueKind.Null) == (actual is null), $"{what}: expected {(actual is null ? "figures" : "none")}");
        if (actual is { } metrics)
        {
            Metrics(expected, metrics, what);
        }
    }

    private static void Metrics(JsonElement expected, BacktestMetrics actual, string what)
    {
        try
        {
            ReferenceAssert.Metrics(expected, actual);
            Reference.Close(expected.GetProperty("fees").GetDouble(), actual.Fees, 1e-9, "fees");
            Reference.Close(expected.GetProperty("turnover").GetDouble(), actual.Turnover, 1e-9, "turnover");
            Assert.Equal(expected.GetProperty("skipped_entries").GetInt32(), actual.SkippedEntries);
        }
        catch (Xunit.Sdk.XunitException failure)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {failure.Message}");
        }
    }

    private static void Optional(JsonElement expected, double? actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{what}: expected none, got {actual?.ToString(CultureInfo.InvariantCulture)}");
            return;
        }

        Assert.True(actual is not null, $"{what}: expected {expected.GetDouble():R}, got none");
        Reference.Close(expected.GetDouble(), actual.Value, 1e-9, what);
    }
}
