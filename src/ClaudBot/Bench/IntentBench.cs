using System.Diagnostics;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.MarketData;

namespace ClaudBot.Bench;

/// <summary>
/// Catalogue load time and match latency per phrase with the full catalogue, over phrases typical of
/// each intent plus negatives, after a warm-up. Latency percentiles are over every single call.
/// </summary>
internal static class IntentBench
{
    public static readonly string[] Phrases =
    [
        "start cluster", "please stop the cluster", "monitor cluster", "is the cluster up", "restart workers",
        "submit cluster job rsi on TCS 2020-2024",
        "backtest rsi,macd,momentum on RELIANCE,TCS,HDFC,INFY from 2020-01-01 to 2024-12-31",
        "backtest macd on hdfc bank FY2022", "backtest relative strength on infosys and tcs last 3 years",
        "how's job k7m2qz doing", "results of the last job", "cancel job k7m2qz", "show worker logs", "list jobs",
        "list strategies", "which stocks do you have", "cleanup results keep 10", "what can you do",
        "strat clustr", "buy 100 shares of TCS", "rm -rf /", "hello there", "backtest rsi on TCS;rm -rf /",
    ];

    /// <summary>How long the phrases are matched before any call is timed.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static (double LoadMilliseconds, double P50, double P99, double Max, int Calls) Run(string catalogFile, IMarketData marketData, TimeSpan duration)
    {
        var load = Stopwatch.StartNew();
        var catalog = CatalogLoader.LoadFile(catalogFile);
        double loadMilliseconds = load.Elapsed.TotalMilliseconds;
        var matcher = new IntentMatcher(catalog, marketData, TimeProvider.System);
        var today = new DateOnly(2026, 11, 29);
        // Warm-up: the data for every symbol is loaded once, and the matcher's methods reach their optimised JIT tier
        // (tiered compilation promotes a method after 30 calls, in the background), so the figures are of the steady state.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < WarmUp)
        {
            foreach (string phrase in Phrases)
            {
                matcher.Match(phrase, today);
            }
        }

        var samples = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            foreach (string phrase in Phrases)
            {
                long start = Stopwatch.GetTimestamp();
                matcher.Match(phrase, today);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        samples.Sort();
        return (loadMilliseconds, samples[samples.Count / 2], samples[(int)(samples.Count * 0.99)], samples[^1], samples.Count);
    }
}
