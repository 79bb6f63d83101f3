using ClaudBot.Cluster.Results;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>
/// Fees, turnover and skipped entries (issue 13) are optional metrics: a file that has them carries them to each row, and a
/// file written before them still reads, its rows without them.
/// </summary>
public sealed class ResultsFileFeesTests
{
    private static Task<ResultsSummary> ReadAsync(byte[] file, int bufferSize = ResultsFileReader.DefaultBufferSize) =>
        ResultsFileReader.ReadSummaryAsync(new MemoryStream(file, writable: false), 10, bufferSize, CancellationToken.None);

    private static string WithFees(string result, string fees) =>
        result.Replace("\"final_equity\":1106392.4}", "\"final_equity\":1106392.4," + fees + "}", StringComparison.Ordinal);

    [Theory]
    [InlineData(1)]
    [InlineData(ResultsFileReader.DefaultBufferSize)]
    public async Task AFileWithFees_CarriesFeesTurnoverAndSkippedEntriesToEachRow(int bufferSize)
    {
        var file = HandWrittenFile.With(
            WithFees(HandWrittenFile.Result(0, "TCS", sharpe: 1.2), "\"fees\":13364.430907249869,\"turnover\":13.364430907249872,\"skipped_entries\":0"),
            WithFees(HandWrittenFile.Result(1, "INFY", sharpe: 0.8), "\"fees\":412.5,\"turnover\":null,\"skipped_entries\":3"));

        var summary = await ReadAsync(file, bufferSize);

        Assert.Equal([0, 1], summary.Top.Select(r => r.Index));
        Assert.Equal((13364.430907249869, 13.364430907249872, 0), (summary.Top[0].Fees, summary.Top[0].Turnover, summary.Top[0].SkippedEntries));
        Assert.Equal((412.5, (double?)null, 3), (summary.Top[1].Fees, summary.Top[1].Turnover, summary.Top[1].SkippedEntries));
        SummaryAssert.Same(ReferenceReading.Read(file, top: 10), summary);
    }

    [Fact]
    public async Task AFileWrittenBeforeFees_StillReads_ItsRowsWithoutFees()
    {
        var file = HandWrittenFile.With(HandWrittenFile.Result(0, "TCS", sharpe: 1.2), HandWrittenFile.Result(1, "INFY", sharpe: 0.8));

        var summary = await ReadAsync(file);

        Assert.Equal([0, 1], summary.Top.Select(r => r.Index));
        Assert.All(summary.Top, r => Assert.Equal(((double?)null, (double?)null, (int?)null), (r.Fees, r.Turnover, r.SkippedEntries)));
        Assert.Equal(1.2, summary.Top[0].Sharpe);
    }

    [Fact]
    public void TheStoredAndServedSummaryJson_CarriesFeesTurnoverAndSkippedEntries_AndLeavesThemOutWhereUnknown()
    {
        var row = new ResultRow(0, "rsi", "rsi(period=14, lower=30, upper=70)", "TCS", new DateOnly(2022, 1, 3), new DateOnly(2024, 12, 31), 0.1, 0.026, 1.2, -0.137, 2, 0.5, 1.65, 1106392.4)
        {
            Fees = 13364.43,
            Turnover = 13.36,
            SkippedEntries = 2,
        };
        var summary = new ResultsSummary("j1", "completed", new ClaudBot.Cluster.Jobs.JobSpec("rsi", ["TCS"], new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31), 10, "tester", DateTimeOffset.UnixEpoch), [], 1, 1, 0, new ResultsTimings(0, 0, 0), [row, row with { Fees = null, Turnover = null, SkippedEntries = null }], [], [], 0);

        string json = System.Text.Json.JsonSerializer.Serialize(summary, SummaryJson.Default.ResultsSummary);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var top = document.RootElement.GetProperty("top");

        Assert.Equal((13364.43, 13.36, 2), (top[0].GetProperty("fees").GetDouble(), top[0].GetProperty("turnover").GetDouble(), top[0].GetProperty("skipped_entries").GetInt32()));
        Assert.False(top[1].TryGetProperty("fees", out _));
        Assert.False(top[1].TryGetProperty("turnover", out _));
        var read = System.Text.Json.JsonSerializer.Deserialize(json, SummaryJson.Default.ResultsSummary)!;
        Assert.Equal(row, read.Top[0]);
        Assert.Null(read.Top[1].Fees);
    }
}
