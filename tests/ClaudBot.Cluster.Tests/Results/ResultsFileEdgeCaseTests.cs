using System.Text;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>Hand-written files for what a real run rarely shows: failures in between, ties, nulls, nothing at all.</summary>
public sealed class ResultsFileEdgeCaseTests
{
    private static Task<ResultsSummary> ReadAsync(byte[] file, int top, int bufferSize = ResultsFileReader.DefaultBufferSize) =>
        ResultsFileReader.ReadSummaryAsync(new MemoryStream(file, writable: false), top, bufferSize, CancellationToken.None);

    [Theory]
    [InlineData(1)]
    [InlineData(ResultsFileReader.DefaultBufferSize)]
    public async Task FailuresMixedIn_AreCountedApart_AndTheRowsRankAroundThem(int bufferSize)
    {
        var file = HandWrittenFile.With(
            HandWrittenFile.Result(0, "TCS", sharpe: 1.2),
            HandWrittenFile.Failure(1, "INFY"),
            HandWrittenFile.Result(2, "INFY", sharpe: 0.8, profitFactor: "null"),
            HandWrittenFile.Failure(3, "TCS", "boom"),
            HandWrittenFile.Result(4, "TCS", sharpe: 1.5));

        var summary = await ReadAsync(file, top: 10, bufferSize);

        SummaryAssert.Same(ReferenceReading.Read(file, top: 10), summary);
        Assert.Equal([4, 0, 2], summary.Top.Select(r => r.Index));
        Assert.Equal([4, 2], summary.BestBySymbol.Select(r => r.Index));
        Assert.Equal(
            [new ResultFailure(1, "rsi(period=14, lower=30, upper=70)", "INFY", "data/X.csv line 3: bad close"), new ResultFailure(3, "rsi(period=14, lower=30, upper=70)", "TCS", "boom")],
            summary.Failures);
        Assert.Equal((5, 3, 2, 2), (summary.TasksTotal, summary.TasksDone, summary.TasksFailed, summary.FailuresTotal));
        Assert.Equal(
            new ResultRow(2, "rsi", "rsi(period=14, lower=30, upper=70)", "INFY", new DateOnly(2022, 1, 3), new DateOnly(2024, 12, 31), 0.1, 0.026, 0.8, -0.137, 2, 0.5, null, 1106392.4) { Sortino = 0.52, Calmar = 0.19 },
            summary.BestBySymbol[1]);
        Assert.Equal(1.65, summary.Top[0].ProfitFactor);
    }

    [Fact]
    public async Task NullMetrics_ReadAsNaN_AndANullSharpeRanksLast()
    {
        // ResultJsonWriter writes a NaN or infinite metric as null.
        string nulls = HandWrittenFile.Result(1, "TCS", sharpe: 9.5).Replace("\"sharpe\":9.5", "\"sharpe\":null", StringComparison.Ordinal)
            .Replace("\"cagr\":0.026", "\"cagr\":null", StringComparison.Ordinal);
        var file = HandWrittenFile.With(HandWrittenFile.Result(0, "TCS", sharpe: 0.5), nulls, HandWrittenFile.Result(2, "INFY", sharpe: -1));

        var summary = await ReadAsync(file, top: 10);

        Assert.Equal([0, 2, 1], summary.Top.Select(r => r.Index));
        Assert.Equal([0, 2], summary.BestBySymbol.Select(r => r.Index));
        Assert.Equal((double.NaN, double.NaN, 0.1), (summary.Top[2].Sharpe, summary.Top[2].Cagr, summary.Top[2].TotalReturn));
    }

    [Fact]
    public async Task NoResults_GivesTheHeaderAndEmptyLists()
    {
        var summary = await ReadAsync(HandWrittenFile.With(), top: 10);

        Assert.Equal(("j1", "completed", 0, 0, 0), (summary.Id, summary.State, summary.TasksTotal, summary.TasksDone, summary.TasksFailed));
        Assert.Equal(["TCS: a note"], summary.Notes);
        Assert.Equal(new ResultsTimings(0.5, 1.25, 1.75), summary.Timings);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), summary.Spec.SubmittedAt);
        Assert.Empty(summary.Top);
        Assert.Empty(summary.BestBySymbol);
        Assert.Empty(summary.Failures);
        Assert.Equal(0, summary.FailuresTotal);
    }

    [Fact]
    public async Task EqualSharpe_RanksByHigherTotalReturn_ThenByLowerIndex()
    {
        var file = HandWrittenFile.With(
            HandWrittenFile.Result(0, "TCS", sharpe: 1.0, totalReturn: 0.1),
            HandWrittenFile.Result(1, "INFY", sharpe: 1.0, totalReturn: 0.3),
            HandWrittenFile.Result(2, "TCS", sharpe: 1.0, totalReturn: 0.3),
            HandWrittenFile.Result(3, "INFY", sharpe: 2.0, totalReturn: -0.2),
            HandWrittenFile.Result(4, "TCS", sharpe: 1.0, totalReturn: 0.3));

        Assert.Equal([3, 1, 2, 4, 0], (await ReadAsync(file, top: 5)).Top.Select(r => r.Index));
        Assert.Equal([3, 1], (await ReadAsync(file, top: 2)).Top.Select(r => r.Index));
        Assert.Equal([3, 2], (await ReadAsync(file, top: 2)).BestBySymbol.Select(r => r.Index));
    }

    [Fact]
    public async Task TopBeyondTheRowCount_KeepsEveryRow()
    {
        var file = HandWrittenFile.With(HandWrittenFile.Result(0, "TCS", sharpe: 0.3), HandWrittenFile.Result(1, "TCS", sharpe: 0.4));

        Assert.Equal([1, 0], (await ReadAsync(file, top: 1000)).Top.Select(r => r.Index));
    }

    [Fact]
    public async Task ParameterlessAndFractionalStrategies_GetTheParsersText()
    {
        var file = HandWrittenFile.With(
            HandWrittenFile.Result(0, "TCS", sharpe: 0.3, strategy: "buy_hold", parameters: "{}"),
            HandWrittenFile.Result(1, "TCS", sharpe: 0.2, strategy: "bollinger", parameters: """{"period":20,"k":2.1}"""),
            HandWrittenFile.Result(2, "TCS", sharpe: 0.1, strategy: "momentum", parameters: """{"lookback":20,"threshold":-0.05}"""));

        var summary = await ReadAsync(file, top: 3);

        Assert.Equal(["buy_hold", "bollinger(period=20, k=2.1)", "momentum(lookback=20, threshold=-0.05)"], summary.Top.Select(r => r.StrategyText));
        Assert.Equal(["buy_hold", "bollinger", "momentum"], summary.Top.Select(r => r.Strategy));
    }

    [Fact]
    public async Task UnknownFieldsEscapesAndAnotherPropertyOrder_AreRead()
    {
        string result = HandWrittenFile.Result(7, "M\\u0026M", sharpe: 0.9)
            .Replace("\"bars\":745,", "\"bars\":745,\"equity\":[1,2,{\"x\":[3]}],\"note\":\"caf\\u00e9\",", StringComparison.Ordinal)
            .Replace("\"sortino\":0.52,", "\"sortino\":0.52,\"alpha\":{\"a\":[1]},", StringComparison.Ordinal);
        string text = $$"""{"version":{"major":2,"tags":["x"]},"results":[{{result}}],"id":"j9","state":"completed","spec":{{HandWrittenFile.Spec}},"notes":[],"tasks_total":1,"tasks_done":1,"tasks_failed":0,"timings":{{HandWrittenFile.Timings}}}""";

        var summary = await ReadAsync(Encoding.UTF8.GetBytes(text), top: 1, bufferSize: 1);

        var row = Assert.Single(summary.Top);
        Assert.Equal((7, "M&M", 0.9), (row.Index, row.Symbol, row.Sharpe));
        Assert.Equal("j9", summary.Id);
        Assert.Empty(summary.Notes);
    }
}
