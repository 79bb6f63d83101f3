using System.Diagnostics;
using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Bench;

/// <summary>
/// A quick, single-threaded measurement of the engine on in-memory synthetic bars: each strategy with
/// its defaults and every metric, warmed up first so the JIT's optimised code is what is timed; then a written rule,
/// warm (its indicator series cached, as within a chunk) and cold (computed afresh each run), beside the built-in rsi
/// kernel with the same rsi settings; then each built-in again with charges, stops and whole shares on. BenchmarkDotNet in bench/ClaudBot.Benchmarks gives the careful figures; this one
/// is for any machine.
/// </summary>
internal static class EngineBench
{
    /// <summary>The bench rule: rsi(2) entries filtered by the 200-day trend.</summary>
    public const string BenchRule = "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70";

    public static IEnumerable<EngineFigures> Run(int bars, TimeSpan perStrategy, CancellationToken cancellationToken)
    {
        var series = SyntheticBars.RandomWalk(bars);
        var range = BarRange.Resolve(series, series.FirstDate, series.LastDate);
        foreach (var definition in StrategyCatalog.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Measure(definition.Name, definition.Defaults, [series], range, perStrategy);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var rule = StrategyParser.Parse(BenchRule).Parameters[0];
        var rsi = StrategyCatalog.Rsi.Create(new Dictionary<string, double> { ["period"] = 2, ["lower"] = 10, ["upper"] = 70 });
        yield return Measure("rsi(period=2, lower=10, upper=70)", rsi, [series], range, perStrategy);
        yield return Measure("rule, warm: " + BenchRule, rule, [series], range, perStrategy);

        // Two series objects of the same bars, taken in turn: the series cache forgets on a new series, so every run
        // computes its indicators afresh (the compiled rule is kept, as within a job).
        var twin = new BarSeries(series.Symbol, series.Days, series.Open, series.High, series.Low, series.Close, series.Volume);
        yield return Measure("rule, cold: " + BenchRule, rule, [series, twin], range, perStrategy);

        // The same built-ins with execution a trader would ask for, to compare with the rows above (bps:10, all in).
        foreach (var definition in StrategyCatalog.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Measure(definition.Name + ExecutionLabel, definition.Defaults.WithExits(BenchExits), [series], range, perStrategy, ExecutionSettings);
        }
    }

    /// <summary>Delivery charges (every component), a 5% stop, an 8% trail and whole shares.</summary>
    private static readonly SimulationSettings ExecutionSettings = new()
    {
        Costs = new CostModel("zerodha-delivery", 0, 0, 0.001, 0.001, 0.0000297, 10, 0.00015, 0.18, 15.93, WholeSharesByDefault: true),
    };

    private static readonly ExitRules BenchExits = new(Stop: 0.05, Trail: 0.08);

    private const string ExecutionLabel = " + delivery charges, stop 5%, trail 8%, whole shares";

    private static EngineFigures Measure(string name, StrategyParameters strategy, BarSeries[] series, BarRange range, TimeSpan duration, SimulationSettings? execution = null)
    {
        var settings = execution ?? new SimulationSettings(CostBps: 10);
        var backtester = new Backtester();

        // Warm-up: enough calls for tiered compilation to reach its optimised code.
        var warmUntil = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 4);
        int turn = 0;
        while (Stopwatch.GetTimestamp() < warmUntil)
        {
            backtester.RunMetrics(strategy, series[turn++ % series.Length], range, settings);
        }

        // The fastest of several slices: on a shared machine a neighbour's burst slows a slice, never speeds one up.
        const int Slices = 8;
        long runs = 0;
        double micros = double.MaxValue;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int slice = 0; slice < Slices; slice++)
        {
            long sliceRuns = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration / Slices)
            {
                for (int i = 0; i < 64; i++)
                {
                    backtester.RunMetrics(strategy, series[turn++ % series.Length], range, settings);
                }

                sliceRuns += 64;
            }

            micros = Math.Min(micros, clock.Elapsed.TotalMicroseconds / sliceRuns);
            runs += sliceRuns;
        }

        double bytes = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)runs;
        return new EngineFigures(name, series[0].Count, runs, micros, bytes);
    }
}
