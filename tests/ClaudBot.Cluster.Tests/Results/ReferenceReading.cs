using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster.Results;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>
/// The straightforward reading the streaming reader must agree with: the whole file in a
/// <see cref="JsonDocument"/>, every row listed and sorted with LINQ, the strategy text made by the
/// engine's own parser and formatter.
/// </summary>
internal static class ReferenceReading
{
    public static ResultsSummary Read(byte[] file, int top)
    {
        using var document = JsonDocument.Parse(file);
        var root = document.RootElement;
        var rows = new List<ResultRow>();
        var failures = new List<ResultFailure>();
        foreach (var result in root.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                failures.Add(new ResultFailure(result.GetProperty("index").GetInt32(), Text(result, "strategy"), Text(result, "symbol"), error.GetString()!));
            }
            else
            {
                rows.Add(Row(result));
            }
        }

        var ranked = rows.OrderByDescending(r => r.Sharpe).ThenByDescending(r => r.TotalReturn).ThenBy(r => r.Index).ToList();
        var timings = root.GetProperty("timings");
        return new ResultsSummary(
            Text(root, "id"),
            Text(root, "state"),
            root.GetProperty("spec").Deserialize(ClusterJson.Default.JobSpec)!,
            [.. root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)],
            root.GetProperty("tasks_total").GetInt32(),
            root.GetProperty("tasks_done").GetInt32(),
            root.GetProperty("tasks_failed").GetInt32(),
            new ResultsTimings(timings.GetProperty("queued_seconds").GetDouble(), timings.GetProperty("run_seconds").GetDouble(), timings.GetProperty("total_seconds").GetDouble()),
            [.. ranked.Take(top)],
            [.. ranked.GroupBy(r => r.Symbol).Select(g => g.First())],
            [.. failures.Take(ResultsFileReader.FailuresKept)],
            failures.Count);
    }

    /// <summary>Every result's parameters by task index, as the file has them.</summary>
    public static Dictionary<int, KeyValuePair<string, double>[]> Parameters(byte[] file)
    {
        using var document = JsonDocument.Parse(file);
        return document.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.TryGetProperty("params", out _))
            .ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("params").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetDouble())).ToArray());
    }

    private static ResultRow Row(JsonElement result)
    {
        string name = Text(result, "strategy");
        var parameters = result.GetProperty("params").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture)}").ToArray();
        string typed = parameters.Length == 0 ? name : $"{name}({string.Join(", ", parameters)})";
        var metrics = result.GetProperty("metrics");
        var profitFactor = metrics.GetProperty("profit_factor");
        return new ResultRow(
            result.GetProperty("index").GetInt32(),
            name,
            StrategyParser.Parse(typed).Parameters.Single().ToString(),
            Text(result, "symbol"),
            DateOnly.ParseExact(Text(result, "from"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(Text(result, "to"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            metrics.GetProperty("total_return").GetDouble(),
            metrics.GetProperty("cagr").GetDouble(),
            metrics.GetProperty("sharpe").GetDouble(),
            metrics.GetProperty("max_drawdown").GetDouble(),
            metrics.GetProperty("trades").GetInt32(),
            metrics.GetProperty("win_rate").GetDouble(),
            profitFactor.ValueKind == JsonValueKind.Null ? null : profitFactor.GetDouble(),
            metrics.GetProperty("final_equity").GetDouble())
        {
            BenchmarkReturn = result.TryGetProperty("benchmark", out var benchmark) && benchmark.ValueKind == JsonValueKind.Object
                ? Nullable(benchmark, "total_return") : null,
            ExcessReturn = Nullable(result, "excess_return"),
            Beta = Nullable(result, "beta"),
            Alpha = Nullable(result, "alpha"),
            MarketIndex = result.TryGetProperty("market_index", out var index) && index.ValueKind == JsonValueKind.String ? index.GetString() : null,
            Fees = Nullable(metrics, "fees"),
            Turnover = Nullable(metrics, "turnover"),
            Sortino = Nullable(metrics, "sortino"),
            Calmar = Nullable(metrics, "calmar"),
            SkippedEntries = metrics.TryGetProperty("skipped_entries", out var skipped) ? skipped.GetInt32() : null,
        };
    }

    private static double? Nullable(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
