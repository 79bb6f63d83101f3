using System.Text.Json;
using ClaudBot.Cluster.Results;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>The streaming reader against real results files from the planner, chunk runner and writer.</summary>
public sealed class ResultsFileReaderTests(RealResultsFixture files) : IClassFixture<RealResultsFixture>
{
    private static Task<ResultsSummary> ReadAsync(byte[] file, int top, int bufferSize = ResultsFileReader.DefaultBufferSize) =>
        ResultsFileReader.ReadSummaryAsync(new MemoryStream(file, writable: false), top, bufferSize, CancellationToken.None);

    [Fact]
    public async Task Sweep_GivesTheSameSummaryAsReadingTheWholeDocument()
    {
        var summary = await ReadAsync(files.Sweep, top: 10);

        SummaryAssert.Same(ReferenceReading.Read(files.Sweep, top: 10), summary);
        Assert.Equal(10, summary.Top.Count);
        Assert.Equal(["TCS", "INFY", "RELIANCE", "M&M", "WIPRO", "ITC"], summary.Spec.Symbols);
        Assert.Equal((120, 80, 40, "completed_with_errors"), (summary.TasksTotal, summary.TasksDone, summary.TasksFailed, summary.State));
    }

    [Fact]
    public async Task Sweep_WithEveryRowKept_RanksAllEightyLikeTheDocumentReading()
    {
        var summary = await ReadAsync(files.Sweep, top: int.MaxValue);

        Assert.Equal(80, summary.Top.Count);
        Assert.Equal(ReferenceReading.Read(files.Sweep, top: int.MaxValue).Top, summary.Top);
    }

    [Fact]
    public async Task Sweep_BestBySymbol_AgreesWithTheFilesOwnSummary()
    {
        var summary = await ReadAsync(files.Sweep, top: 5);

        using var document = JsonDocument.Parse(files.Sweep);
        var written = document.RootElement.GetProperty("summary").GetProperty("best_by_symbol").EnumerateArray()
            .Select(b => (b.GetProperty("index").GetInt32(), b.GetProperty("strategy").GetString(), b.GetProperty("symbol").GetString(), b.GetProperty("metrics").GetProperty("sharpe").GetDouble()))
            .ToArray();
        Assert.Equal(4, written.Length);
        Assert.Equal(written, summary.BestBySymbol.Select(r => (r.Index, (string?)r.StrategyText, (string?)r.Symbol, r.Sharpe)));
        Assert.Equal(summary.Top[0], summary.BestBySymbol[0]);
    }

    [Fact]
    public async Task Sweep_StrategyText_ParsesBackToTheFilesParameters()
    {
        var rows = (await ReadAsync(files.Sweep, top: int.MaxValue)).Top;
        var parameters = ReferenceReading.Parameters(files.Sweep);

        Assert.Equal(80, rows.Count);
        foreach (var row in rows)
        {
            var parsed = StrategyParser.Parse(row.StrategyText).Parameters.Single();
            Assert.Equal(row.StrategyText, parsed.ToString());
            Assert.Equal(row.Strategy, parsed.Name);
            Assert.Equal(parameters[row.Index], parsed.Values);
        }

        Assert.Contains(rows, r => r.StrategyText == "rsi(period=14, lower=25, upper=70)");
        Assert.Contains(rows, r => r.StrategyText == "momentum(lookback=30, threshold=-0.05)");
        Assert.Contains(rows, r => r.StrategyText == "bollinger(period=20, k=2.1)");
        Assert.Contains(rows, r => r.StrategyText == "buy_hold");
    }

    [Fact]
    public async Task Sweep_Failures_AreTheFirstTwentyInFileOrder_AndAllFortyAreCounted()
    {
        var summary = await ReadAsync(files.Sweep, top: 3);

        Assert.Equal(40, summary.FailuresTotal);
        Assert.Equal(Enumerable.Range(80, 20), summary.Failures.Select(f => f.Index));
        Assert.All(summary.Failures, f => Assert.Equal("WIPRO", f.Symbol));
        Assert.All(summary.Failures, f => Assert.Contains("line 3", f.Error, StringComparison.Ordinal));
        Assert.Equal("rsi(period=7, lower=25, upper=70)", summary.Failures[0].Strategy);
        Assert.DoesNotContain(summary.BestBySymbol, r => r.Symbol is "WIPRO" or "ITC");
    }

    [Fact]
    public async Task Sweep_FromTheSmallestBuffer_GivesTheSameSummary()
    {
        var expected = await ReadAsync(files.Sweep, top: 7);

        SummaryAssert.Same(expected, await ReadAsync(files.Sweep, top: 7, bufferSize: 1));
    }

    [Fact]
    public async Task Sweep_TrickledThroughTheSmallestBuffer_GivesTheSameSummary()
    {
        var expected = ReferenceReading.Read(files.Sweep, top: 7);

        var summary = await ResultsFileReader.ReadSummaryAsync(new TrickleStream(files.Sweep, maxRead: 3000, seed: 7), 7, 1, CancellationToken.None);

        SummaryAssert.Same(expected, summary);
    }

    [Fact]
    public async Task Small_TrickledAFewBytesAtATime_GivesTheSameSummary()
    {
        var expected = ReferenceReading.Read(files.Small, top: 4);

        for (int seed = 0; seed < 3; seed++)
        {
            SummaryAssert.Same(expected, await ResultsFileReader.ReadSummaryAsync(new TrickleStream(files.Small, maxRead: 9, seed), 4, 1, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Path_ReadsTheHeaderAsWritten()
    {
        var summary = await ResultsFileReader.ReadSummaryAsync(files.SmallPath, 2, CancellationToken.None);

        Assert.Equal(Path.GetFileName(files.SmallPath), $"job_{summary.Id}.json");
        Assert.Equal("completed", summary.State);
        Assert.Equal(new ResultsTimings(1.5, 2.75, 4.25), summary.Timings);
        Assert.Equal(("rsi,macd,buy_hold", new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31), 10.0, "tester"), (summary.Spec.Strategies, summary.Spec.From, summary.Spec.To, summary.Spec.CostBps, summary.Spec.SubmittedBy));
        Assert.Equal(["TCS", "INFY"], summary.Spec.Symbols);
        Assert.Equal((6, 6, 0, 0), (summary.TasksTotal, summary.TasksDone, summary.TasksFailed, summary.FailuresTotal));
        Assert.Equal(2, summary.Top.Count);
        Assert.Equal(2, summary.BestBySymbol.Count);
        SummaryAssert.Same(ReferenceReading.Read(files.Small, top: 2), summary);
    }

    [Fact]
    public async Task Rows_CarryTheBenchmarkExcessBetaAndAlphaAsWritten()
    {
        var summary = await ReadAsync(files.Small, top: 6);

        Assert.Equal(6, summary.Top.Count);
        Assert.All(summary.Top, row =>
        {
            Assert.NotNull(row.BenchmarkReturn);
            Assert.Equal(row.TotalReturn - row.BenchmarkReturn!.Value, row.ExcessReturn!.Value);
            Assert.NotNull(row.Beta);
            Assert.NotNull(row.Alpha);
            Assert.Equal("equal-weight of 49 NIFTY 50 constituents present (not the official index)", row.MarketIndex);
        });
        Assert.All(summary.Top.Where(r => r.Strategy == "buy_hold"), row => Assert.Equal(0.0, row.ExcessReturn));
        Assert.Equal(ReferenceReading.Read(files.Small, top: 6).Top, summary.Top);
    }

    [Fact]
    public async Task TopOfZero_KeepsNoRows_ButStillFindsTheBestPerSymbol()
    {
        var summary = await ReadAsync(files.Sweep, top: 0);

        Assert.Empty(summary.Top);
        Assert.Equal(ReferenceReading.Read(files.Sweep, top: 0).BestBySymbol, summary.BestBySymbol);
    }

    [Fact]
    public async Task MissingFile_IsAFileNotFoundError()
    {
        string path = Path.Combine(Path.GetDirectoryName(files.SmallPath)!, "job_missing.json");

        await Assert.ThrowsAsync<FileNotFoundException>(() => ResultsFileReader.ReadSummaryAsync(path, 5, CancellationToken.None));
    }

    [Fact]
    public async Task CancelledRead_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResultsFileReader.ReadSummaryAsync(files.SweepPath, 5, cancelled.Token));
    }
}
