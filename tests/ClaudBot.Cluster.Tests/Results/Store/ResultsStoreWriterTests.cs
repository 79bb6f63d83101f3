using System.Text;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Cluster.Tests.Results.Store;

/// <summary>
/// The driver's finishing pass: the rows file is its header, its parameter sets and one row per task; the results file
/// names the store and holds no results; the summary ranked as the rows went by is the one a reader of the export gets;
/// and chunks that are not what the job says (an older worker's JSON, too few or too many rows) fail or are kept as failures.
/// </summary>
public sealed class ResultsStoreWriterTests(StoreSweepFixture sweep) : IClassFixture<StoreSweepFixture>, IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-storewriter-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private static long ParameterTableBytes(IEnumerable<ParameterSet> sets) =>
        sets.Sum(s => 12L + Encoding.UTF8.GetByteCount(s.Text) + s.Strategy.Length + s.ParamsJson.Length);

    private static void SameSurface(ParameterSurface? expected, ParameterSurface? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal((expected.Strategy, expected.X, expected.Y, expected.Symbols, expected.Metric), (actual.Strategy, actual.X, actual.Y, actual.Symbols, actual.Metric));
        Assert.Equal(expected.Xs, actual.Xs);
        Assert.Equal(expected.Ys, actual.Ys);
        Assert.Equal(expected.Median.Count, actual.Median.Count);
        for (int i = 0; i < expected.Median.Count; i++)
        {
            Assert.Equal(expected.Median[i], actual.Median[i]);
        }
    }

    private static Task<ResultsSummary> ExportSummaryAsync(string exportPath, int top) =>
        ResultsFileReader.ReadSummaryAsync(exportPath, top, CancellationToken.None);

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble();

    private static void AssertNothingWritten(string directory) =>
        Assert.Empty(Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : []);

    [Fact]
    public async Task RowsFile_IsItsHeader_ItsParameterSets_AndOneRowPerTask()
    {
        string rowsPath = RowsFile.PathFor(sweep.ResultsPath);
        await using var rows = File.OpenRead(rowsPath);

        var (count, sets) = await RowsFile.ReadHeaderAsync(rows, CancellationToken.None);

        long table = ParameterTableBytes(sets);
        Assert.Equal(RowsFile.HeaderSize + table, rows.Position);
        Assert.Equal(RowsFile.HeaderSize + table + (StoreSweepFixture.Tasks * (long)StoredRow.Size), rows.Length);
        Assert.Equal((StoreSweepFixture.Tasks, StoreSweepFixture.ParameterSets), (count, sets.Length));
        Assert.Equal(StrategyParser.Parse(StoreSweepFixture.Strategies).Parameters.Select(p => p.ToString()), sets.Select(s => s.Text));
        Assert.All(sets, s => Assert.Equal(ParameterSet.Of(s.Text).ParamsJson, s.ParamsJson));
        Assert.All(sets, s => Assert.Equal("rsi"u8.ToArray(), s.Strategy));

        byte[] header = new byte[RowsFile.HeaderSize];
        rows.Position = 0;
        await rows.ReadExactlyAsync(header);
        Assert.Equal("CLAUDBOT-ROWS-01"u8.ToArray(), header[..16]);
        Assert.Equal(StoredRow.Size, BitConverter.ToInt32(header, 28));

        // Task N is parameter set N mod P on symbol N / P: WIPRO, the last symbol, is the one whose tasks failed.
        rows.Position = RowsFile.HeaderSize + table;
        byte[] all = new byte[StoreSweepFixture.Tasks * StoredRow.Size];
        await rows.ReadExactlyAsync(all);
        var failed = Enumerable.Range(0, StoreSweepFixture.Tasks).Where(t => StoredRow.Read(all.AsSpan(t * StoredRow.Size, StoredRow.Size)).Failed).ToArray();
        Assert.Equal(Enumerable.Range(3 * StoreSweepFixture.ParameterSets, StoreSweepFixture.ParameterSets), failed);
    }

    [Fact]
    public async Task ResultsFile_HoldsNoResults_AndItsStoreNamesTheRows()
    {
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(sweep.ResultsPath));
        var root = document.RootElement;
        var store = root.GetProperty("store");
        string id = root.GetProperty("id").GetString()!;

        Assert.False(root.TryGetProperty("results", out _));
        Assert.Equal(Path.GetFileName(sweep.ResultsPath), $"job_{id}.json");
        Assert.Equal(("claudbot-rows/1", $"job_{id}.rows", StoreSweepFixture.Tasks, StoredRow.Size), (store.GetProperty("format").GetString(), store.GetProperty("file").GetString(), store.GetProperty("rows").GetInt32(), store.GetProperty("row_bytes").GetInt32()));
        Assert.Equal(StoreSweepFixture.Symbols.Split(','), store.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.False(string.IsNullOrEmpty(store.GetProperty("market_index").GetString()));
        var error = Assert.Single(store.GetProperty("errors").EnumerateArray());
        Assert.Contains("WIPRO", error.GetString(), StringComparison.Ordinal);
        Assert.Equal((StoreSweepFixture.Tasks, StoreSweepFixture.ParameterSets), (root.GetProperty("tasks_total").GetInt32(), root.GetProperty("tasks_failed").GetInt32()));
        Assert.Equal(3, root.GetProperty("summary").GetProperty("best_by_symbol").GetArrayLength());
        Assert.True(File.Exists(StoredSummary.PathFor(sweep.ResultsPath)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(sweep.ResultsPath)!, "*.tmp"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(sweep.ResultsPath)!, "*.partial"));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(StoredSummary.KeptRows)]
    public async Task StoredSummary_IsTheSummaryOfTheExport(int top)
    {
        var expected = await ExportSummaryAsync(sweep.ExportPath, top);

        var stored = await StoredSummary.ReadAsync(sweep.ResultsPath, top, CancellationToken.None);

        SummaryAssert.Same(expected, stored);
        SameSurface(expected.Surface, stored.Surface);
        Assert.Equal(top, stored.Top.Count);
        Assert.Equal(3, stored.BestBySymbol.Count);
        Assert.Equal((ResultsFileReader.FailuresKept, StoreSweepFixture.ParameterSets), (stored.Failures.Count, stored.FailuresTotal));
        Assert.All(stored.Failures, f => Assert.Equal("WIPRO", f.Symbol));
        Assert.Equal(StoreSweepFixture.ParameterSets * 3, stored.TasksDone);
    }

    [Theory]
    [InlineData("sortino")]
    [InlineData("calmar")]
    public async Task StoredSummary_LeadersBySortinoAndCalmar_AreTheExportsBest_HighestFirst(string name)
    {
        using var export = JsonDocument.Parse(await File.ReadAllBytesAsync(sweep.ExportPath));
        var values = export.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => !r.TryGetProperty("error", out _))
            .ToDictionary(r => r.GetProperty("index").GetInt32(), r => Number(r.GetProperty("metrics").GetProperty(name)));
        var metric = RankedMetric.Find(name + " ratio")!;

        var leaders = (await StoredSummary.ReadAsync(sweep.ResultsPath, 5, CancellationToken.None)).Leaders![name];

        Assert.Equal(ResultRanking.LeadersKept, leaders.Count);
        Assert.Equal(values.Values.Where(double.IsFinite).OrderDescending().Take(leaders.Count), leaders.Select(r => metric.Of(r)!.Value));
        Assert.All(leaders, r => Assert.Equal(values[r.Index], metric.Of(r)));
    }

    [Fact]
    public async Task StoredSummary_FileItself_HoldsTheKeptRows()
    {
        await using var file = File.OpenRead(StoredSummary.PathFor(sweep.ResultsPath));
        using var document = await JsonDocument.ParseAsync(file);

        var top = document.RootElement.EnumerateObject().Single(p => p.NameEquals("top") || p.NameEquals("Top")).Value;
        Assert.Equal(StoredSummary.KeptRows, top.GetArrayLength());
    }

    [Fact]
    public async Task StoredSummary_OfMoreRowsThanKept_IsRankedAgainFromTheRows_InRankingOrder()
    {
        const int Top = 150;
        var export = StoreRun.Results(await File.ReadAllBytesAsync(sweep.ExportPath));
        var ranked = export.Where(e => !e.TryGetProperty("error", out _))
            .Select(e => (Index: e.GetProperty("index").GetInt32(), Sharpe: Number(e.GetProperty("metrics").GetProperty("sharpe")), Return: Number(e.GetProperty("metrics").GetProperty("total_return"))))
            .ToList();

        // Higher Sharpe first (no number last), then higher total return, then the lower index.
        ranked.Sort((a, b) =>
        {
            int order = b.Sharpe.CompareTo(a.Sharpe);
            order = order != 0 ? order : b.Return.CompareTo(a.Return);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });

        var summary = await StoredSummary.ReadAsync(sweep.ResultsPath, Top, CancellationToken.None);

        Assert.True(ranked.Count > Top, $"the sweep has {ranked.Count} results, not more than {Top}");
        Assert.Equal(Top, summary.Top.Count);
        Assert.Equal(ranked.Take(Top).Select(r => r.Index), summary.Top.Select(r => r.Index));
        Assert.Equal((await ExportSummaryAsync(sweep.ExportPath, Top)).Top, summary.Top);
        var kept = await StoredSummary.ReadAsync(sweep.ResultsPath, StoredSummary.KeptRows, CancellationToken.None);
        Assert.Equal(kept.Top, summary.Top.Take(StoredSummary.KeptRows));
    }

    [Fact]
    public async Task StoredSummary_WhoseFileIsGone_IsRankedFromTheRowsAndKeptAgain()
    {
        string directory = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "copy")).FullName;
        string results = Path.Combine(directory, Path.GetFileName(sweep.ResultsPath));
        File.Copy(sweep.ResultsPath, results);
        File.Copy(RowsFile.PathFor(sweep.ResultsPath), RowsFile.PathFor(results));
        var original = await StoredSummary.ReadAsync(sweep.ResultsPath, 5, CancellationToken.None);

        var again = await StoredSummary.ReadAsync(results, 5, CancellationToken.None);

        SummaryAssert.Same(original, again);
        SameSurface(original.Surface, again.Surface);
        Assert.True(File.Exists(StoredSummary.PathFor(results)));
        SummaryAssert.Same(original, await StoredSummary.ReadAsync(results, 5, CancellationToken.None));
    }

    /// <summary>A job of rsi, macd and buy and hold on TCS and INFY: its plan, and INFY's chunk run for real.</summary>
    private async Task<(JobPlan Plan, byte[] InfyRows, string InfySummary)> TwoSymbolJobAsync()
    {
        string scratch = Path.Combine(_scratch.FullName, "plan");
        var plan = await StoreRun.PlanAsync(scratch, "rsi,macd,buy_hold", "TCS,INFY", chunkSize: 3);
        Assert.Equal(2, plan.Chunks.Count);
        var infy = await StoreRun.Runner(StoreRun.Data(scratch)).RunAsync(plan.Chunks[1], CancellationToken.None);
        Assert.Equal(0, infy.Failed);
        return (plan, infy.Rows, infy.SummaryJson);
    }

    [Fact]
    public async Task ChunkStoredAsJsonByAnOlderWorker_CountsItsTasksAsFailed_SayingWhy()
    {
        var (plan, infyRows, infySummary) = await TwoSymbolJobAsync();
        var job = StoreRun.Status("legacy", plan.Spec, 6, 3);
        string directory = Path.Combine(_scratch.FullName, "results");

        var (path, summary) = await StoreRun.WriteAsync(directory, job, StoreRun.ParameterSets(plan), ["[]"u8.ToArray(), infyRows], [StoreRun.Summary("TCS", 3, 0), infySummary]);

        var results = StoreRun.Results(await StoreRun.ExportAsync(path));
        Assert.Equal(6, results.Length);
        Assert.All(results[..3], r => Assert.Contains("older version", r.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.All(results[..3], r => Assert.Equal("TCS", r.GetProperty("symbol").GetString()));
        Assert.Equal(plan.Chunks[0].Strategies, results[..3].Select(r => r.GetProperty("strategy").GetString()));
        Assert.All(results[3..], r => Assert.False(r.TryGetProperty("error", out _)));
        Assert.All(results[3..], r => Assert.Equal("INFY", r.GetProperty("symbol").GetString()));
        Assert.Equal(3, summary.FailuresTotal);
        Assert.Equal([0, 1, 2], summary.Failures.Select(f => f.Index));
        Assert.All(summary.Failures, f => Assert.Contains("older version", f.Error, StringComparison.Ordinal));
        Assert.Equal([3, 4, 5], summary.Top.Select(r => r.Index).Order());
        Assert.Single(summary.BestBySymbol, r => r.Symbol == "INFY");
        SummaryAssert.Same(summary, await StoredSummary.ReadAsync(path, StoredSummary.KeptRows, CancellationToken.None));
    }

    [Fact]
    public async Task ChunksHoldingFewerRowsThanTasks_AreAnIOException_AndLeaveNoFile()
    {
        var (plan, infyRows, infySummary) = await TwoSymbolJobAsync();
        var job = StoreRun.Status("short", plan.Spec, 6, 0);
        string directory = Path.Combine(_scratch.FullName, "results");

        var error = await Assert.ThrowsAsync<IOException>(() => StoreRun.WriteAsync(directory, job, StoreRun.ParameterSets(plan), [infyRows], [infySummary]));

        Assert.Contains("3 results, not 6", error.Message, StringComparison.Ordinal);
        AssertNothingWritten(directory);
    }

    [Fact]
    public async Task ChunksHoldingMoreRowsThanTasks_AreAnIOException_AndLeaveNoFile()
    {
        var (plan, infyRows, infySummary) = await TwoSymbolJobAsync();
        var job = StoreRun.Status("long", plan.Spec, 6, 0);
        string directory = Path.Combine(_scratch.FullName, "results");

        await Assert.ThrowsAsync<IOException>(() => StoreRun.WriteAsync(directory, job, StoreRun.ParameterSets(plan), [infyRows, infyRows, infyRows], [infySummary, infySummary, infySummary]));

        AssertNothingWritten(directory);
    }

    [Fact]
    public async Task TasksThatAreNotParameterSetsTimesSymbols_AreAnIOException_AndLeaveNoFile()
    {
        var (plan, infyRows, infySummary) = await TwoSymbolJobAsync();
        var job = StoreRun.Status("odd", plan.Spec, 6, 0);
        string directory = Path.Combine(_scratch.FullName, "results");

        var error = await Assert.ThrowsAsync<IOException>(() => StoreRun.WriteAsync(directory, job, StoreRun.ParameterSets(plan).Take(2).ToList(), [infyRows, infyRows], [infySummary, infySummary]));

        Assert.Contains("6 tasks", error.Message, StringComparison.Ordinal);
        AssertNothingWritten(directory);
    }

    /// <summary>
    /// A job of <paramref name="tasks"/> failed tasks on TCS in two chunks, each task with its own error but the last, which
    /// repeats one of the first chunk's (errors are numbered job-wide): the stored errors, the exported results and the summary.
    /// </summary>
    private async Task<(string[] Errors, JsonElement[] Results, ResultsSummary Summary)> DistinctErrorsAsync(int tasks)
    {
        var sets = Enumerable.Range(0, tasks).Select(i => new ParameterSet($"task {i}", "rsi"u8.ToArray(), "{}"u8.ToArray())).ToList();
        var first = new ChunkRows.Builder(0, 600, null);
        var second = new ChunkRows.Builder(600, tasks - 600, null);
        for (int i = 0; i < tasks; i++)
        {
            (i < 600 ? first : second).AddFailure(i == tasks - 1 ? "error 5" : $"error {i}");
        }

        var job = StoreRun.Status("errors", StoreRun.Spec("many", "TCS"), tasks, tasks);
        string directory = Path.Combine(_scratch.FullName, "results");

        var (path, summary) = await StoreRun.WriteAsync(directory, job, sets, [first.ToArray(), second.ToArray()], [StoreRun.Summary("TCS", 600, 600), StoreRun.Summary("TCS", tasks - 600, tasks - 600)]);

        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        string[] errors = [.. document.RootElement.GetProperty("store").GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
        return (errors, StoreRun.Results(await StoreRun.ExportAsync(path)), summary);
    }

    [Fact]
    public async Task MoreThanAThousandDistinctErrors_KeepTheFirstThousand_AndNameTheRestAsOne()
    {
        // 1,001 distinct texts (the last task repeats "error 5"): the 1,001st is the one whose text is not kept.
        const int Tasks = StoreFold.MaxErrorsKept + 2;

        var (errors, results, summary) = await DistinctErrorsAsync(Tasks);

        Assert.Equal(StoreFold.MaxErrorsKept + 1, errors.Length);
        Assert.Equal(Enumerable.Range(0, StoreFold.MaxErrorsKept).Select(i => $"error {i}"), errors[..StoreFold.MaxErrorsKept]);
        Assert.Contains("not kept", errors[^1], StringComparison.Ordinal);
        Assert.Contains("1,000", errors[^1], StringComparison.Ordinal);
        Assert.Equal(Tasks, results.Length);
        Assert.Equal("error 999", results[999].GetProperty("error").GetString());
        Assert.Equal([errors[^1], "error 5"], results[1000..].Select(r => r.GetProperty("error").GetString()));
        Assert.Equal("task 1000", results[1000].GetProperty("strategy").GetString());
        Assert.Equal((Tasks, ResultsFileReader.FailuresKept), (summary.FailuresTotal, summary.Failures.Count));
        Assert.Equal(Enumerable.Range(0, ResultsFileReader.FailuresKept).Select(i => $"error {i}"), summary.Failures.Select(f => f.Error));
        Assert.Empty(summary.Top);
    }

    [Fact]
    public async Task ManyMoreThanAThousandDistinctErrors_StillKeepOnlyTheThousandAndOne()
    {
        const int Tasks = 1_101;

        var (errors, results, summary) = await DistinctErrorsAsync(Tasks);

        Assert.Equal(StoreFold.MaxErrorsKept + 1, errors.Length);
        Assert.Contains("not kept", errors[^1], StringComparison.Ordinal);
        Assert.All(results[1000..^1], r => Assert.Equal(errors[^1], r.GetProperty("error").GetString()));
        Assert.Equal(Tasks, summary.FailuresTotal);
    }

    [Fact]
    public async Task FailedRowNamingAnErrorItsChunkDoesNotHave_IsAnUnknownError()
    {
        var chunk = new ChunkRows.Builder(0, 2, null);
        chunk.AddFailure("known");
        chunk.Add(StoredRow.Failure(7));
        var job = StoreRun.Status("unknown", StoreRun.Spec("x", "TCS"), 2, 2);
        var sets = new[] { new ParameterSet("a", "a"u8.ToArray(), "{}"u8.ToArray()), new ParameterSet("b", "b"u8.ToArray(), "{}"u8.ToArray()) };

        var (path, summary) = await StoreRun.WriteAsync(Path.Combine(_scratch.FullName, "results"), job, sets, [chunk.ToArray()], [StoreRun.Summary("TCS", 2, 2)]);

        Assert.Equal(["known", "unknown error"], summary.Failures.Select(f => f.Error));
        Assert.Equal(["known", "unknown error"], StoreRun.Results(await StoreRun.ExportAsync(path)).Select(r => r.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task FailedRowWithANegativeErrorNumber_IsAnUnknownError()
    {
        var chunk = new ChunkRows.Builder(0, 1, null);
        chunk.Add(StoredRow.Failure(-1));
        var job = StoreRun.Status("negative", StoreRun.Spec("x", "TCS"), 1, 1);

        var (_, summary) = await StoreRun.WriteAsync(Path.Combine(_scratch.FullName, "results"), job, [new ParameterSet("a", "a"u8.ToArray(), "{}"u8.ToArray())], [chunk.ToArray()], [StoreRun.Summary("TCS", 1, 1)]);

        Assert.Equal("unknown error", Assert.Single(summary.Failures).Error);
    }
}
