using System.Diagnostics;
using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Bench;

/// <summary>
/// A quick, single-threaded measurement of the engine on in-memory synthetic bars: each strategy with
/// its defaults and every metric, warmed up first so the JIT's optimised code is what is timed.
/// BenchmarkDotNet in bench/ClaudBot.Benchmarks gives the careful figures; this one is for any machine.
/// </summary>
internal static class EngineBench
{
    public static IEnumerable<EngineFigures> Run(int bars, TimeSpan perStrategy, CancellationToken cancellationToken)
    {
        var series = SyntheticBars.RandomWalk(bars);
        var range = BarRange.Resolve(series, series.FirstDate, series.LastDate);
        var settings = new SimulationSettings(CostBps: 10);
        foreach (var definition in StrategyCatalog.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var backtester = new Backtester();
            var strategy = definition.Defaults;

            // Warm-up: enough calls for tiered compilation to reach its optimised code.
            var warmUntil = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 4);
            while (Stopwatch.GetTimestamp() < warmUntil)
            {
                backtester.RunMetrics(strategy, series, range, settings);
            }

            long runs = 0;
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < perStrategy)
            {
                for (int i = 0; i < 64; i++)
                {
                    backtester.RunMetrics(strategy, series, range, settings);
                }

                runs += 64;
            }

            double micros = clock.Elapsed.TotalMicroseconds / runs;
            double bytes = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)runs;
            yield return new EngineFigures(definition.Name, bars, runs, micros, bytes);
        }
    }
}
