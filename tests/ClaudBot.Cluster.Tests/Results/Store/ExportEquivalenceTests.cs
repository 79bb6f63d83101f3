using System.Buffers;
using System.Text;
using System.Text.Json;
using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Engine;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Tests.Results.Store;

/// <summary>
/// The compact store loses nothing the old JSON had: a real job run through the chunk runner, stored as rows and exported,
/// gives for each task the very JSON element (names, order, every number's text) that <see cref="ResultJsonWriter"/>
/// writes, without trades, for the same backtest run through <see cref="BacktestService"/>, the engine's other road.
/// </summary>
public sealed class ExportEquivalenceTests : IDisposable
{
    private const string Rule = "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70";
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-equivalence-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private static string Text(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Runs the job on the cluster's road (planner, chunk runner, store writer, export) and each of its tasks alone on
    /// the service's, and checks that every exported element is the service's JSON text of that task.
    /// </summary>
    private async Task<(JsonElement[] Exported, BacktestResult[] Expected, JsonDocument Document)> SameAsTheServiceAsync(string strategies, string symbols, ExecutionChoice? execution)
    {
        string scratch = Path.Combine(_scratch.FullName, Guid.NewGuid().ToString("N")[..8]);
        var data = StoreRun.Data(scratch);
        var plan = await StoreRun.PlanAsync(scratch, strategies, symbols, execution, chunkSize: 4);
        var (path, _, outputs) = await StoreRun.StoreAsync(scratch, data, plan);
        var document = JsonDocument.Parse(await StoreRun.ExportAsync(path));
        var exported = document.RootElement.GetProperty("results").EnumerateArray().ToArray();

        var service = new BacktestService(data, Options.Create(new BacktestOptions()));
        var expected = new List<BacktestResult>();
        foreach (var chunk in plan.Chunks)
        {
            foreach (string strategy in chunk.Strategies)
            {
                var report = await service.RunAsync(new BacktestRequest(strategy, [chunk.Symbol], StoreRun.From, StoreRun.To) { Execution = execution }, CancellationToken.None);
                expected.Add(Assert.Single(report.Results));
            }
        }

        Assert.Equal(0, outputs.Sum(o => o.Failed));
        Assert.Equal(plan.TaskCount, exported.Length);
        Assert.Equal(plan.TaskCount, expected.Count);
        for (int task = 0; task < exported.Length; task++)
        {
            string want = Text(w => ResultJsonWriter.Write(w, expected[task], task, withTrades: false));
            Assert.Equal(want, exported[task].GetRawText());
        }

        // The file's own best per symbol (from the chunks' summaries) has the service's metrics of the task it names.
        foreach (var best in document.RootElement.GetProperty("summary").GetProperty("best_by_symbol").EnumerateArray())
        {
            var result = expected[best.GetProperty("index").GetInt32()];
            Assert.Equal(result.Symbol, best.GetProperty("symbol").GetString());
            Assert.Equal(Text(w => { w.WriteStartObject(); ResultJsonWriter.WriteMetrics(w, result.Metrics); w.WriteEndObject(); }), $"{{\"metrics\":{best.GetProperty("metrics").GetRawText()}}}");
        }

        return (exported, [.. expected], document);
    }

    private static double Metric(JsonElement result, string name) => result.GetProperty("metrics").GetProperty(name).GetDouble();

    [Fact]
    public async Task BuiltInsAndExits_WithZerodhaCosts_OnTcsAndInfy_ExportAsTheServiceWritesThem()
    {
        var (exported, expected, document) = await SameAsTheServiceAsync("rsi,macd,bollinger,buy_hold,rsi(stop=2%, trail=3%)", "TCS,INFY", new ExecutionChoice("zerodha-delivery"));

        using (document)
        {
            Assert.Equal(10, exported.Length);
            Assert.Equal(["rsi", "macd", "bollinger", "buy_hold", "rsi"], exported.Take(5).Select(e => e.GetProperty("strategy").GetString()));
            Assert.Equal([2.0, 3.0], [exported[4].GetProperty("params").GetProperty("stop").GetDouble(), exported[4].GetProperty("params").GetProperty("trail").GetDouble()]);
            Assert.All(exported, e => Assert.True(Metric(e, "fees") > 0, "zerodha-delivery charges every trade"));
            Assert.All(exported, e => Assert.False(e.TryGetProperty("trades", out _)));
            Assert.Contains(expected, r => r.Trades.Any(t => t.Reason is Engine.Simulation.ExitReason.Stop or Engine.Simulation.ExitReason.Trail));
            Assert.NotEqual(Metric(exported[0], "final_equity"), Metric(exported[4], "final_equity"));
        }
    }

    [Fact]
    public async Task WrittenRule_WithZerodhaCosts_ExportsAsTheServiceWritesIt()
    {
        var (exported, expected, document) = await SameAsTheServiceAsync(Rule, "TCS,INFY", new ExecutionChoice("zerodha-delivery"));

        using (document)
        {
            Assert.Equal([Rule, Rule], exported.Select(e => e.GetProperty("strategy").GetString()));
            Assert.All(exported, e => Assert.Equal("{}", e.GetProperty("params").GetRawText()));
            Assert.Contains(expected, r => r.Metrics.Trades > 0);
        }
    }

    [Fact]
    public async Task EntriesThatBuyNoWholeShare_ExportTheirNullsAndSkipsAsTheServiceWritesThem()
    {
        // A thousand rupees buys no TCS share: every entry is skipped, nothing trades, and the ratios have no number.
        var (exported, _, document) = await SameAsTheServiceAsync("rsi,macd,buy_hold", "TCS", new ExecutionChoice("zerodha-delivery", Size: "amount:1000", WholeShares: true));

        using (document)
        {
            Assert.All(exported, e => Assert.True(e.GetProperty("metrics").GetProperty("skipped_entries").GetInt32() > 0));
            Assert.All(exported, e => Assert.Equal(0, e.GetProperty("metrics").GetProperty("trades").GetInt32()));
            Assert.Contains(exported, e => e.GetProperty("metrics").EnumerateObject().Any(m => m.Value.ValueKind == JsonValueKind.Null));
        }
    }

    [Fact]
    public async Task AGridWithSlippageAndPartSizing_ExportsAsTheServiceWritesIt()
    {
        var (exported, _, document) = await SameAsTheServiceAsync("momentum(lookback=10..30 step 10, threshold=-0.05|0.05),sma_cross", "RELIANCE,M&M", new ExecutionChoice(SlippageBps: 5, Size: "pct:50"));

        using (document)
        {
            Assert.Equal(14, exported.Length);
            Assert.Equal(["RELIANCE", "M&M"], exported.Select(e => e.GetProperty("symbol").GetString()).Distinct());
            Assert.Contains(exported, e => e.GetProperty("metrics").GetProperty("trades").GetInt32() > 0);
            Assert.All(exported, e => Assert.True(e.GetProperty("metrics").GetProperty("exposure").GetDouble() is >= 0 and <= 1));
        }
    }

    [Fact]
    public async Task DefaultCosts_OneTask_ExportsAsTheServiceWritesIt()
    {
        var (exported, expected, document) = await SameAsTheServiceAsync("rsi", "TCS", null);

        using (document)
        {
            var only = Assert.Single(exported);
            Assert.Equal(expected[0].Range.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), only.GetProperty("from").GetString());
            Assert.True(string.CompareOrdinal(only.GetProperty("from").GetString(), "2022-01-01") >= 0);
            Assert.Equal(expected[0].Range.Count, only.GetProperty("bars").GetInt32());
            Assert.False(string.IsNullOrEmpty(only.GetProperty("market_index").GetString()));
        }
    }
}
