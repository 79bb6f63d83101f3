using System.Text;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>
/// Truncated, invalid and wrongly shaped files: each gives a <see cref="ResultsFileException"/> that names
/// the problem and its byte offset, never a raw JSON error and never a hang.
/// </summary>
public sealed class ResultsFileDamageTests(RealResultsFixture files) : IClassFixture<RealResultsFixture>
{
    private static Task<ResultsSummary> ReadAsync(byte[] file, int bufferSize = ResultsFileReader.DefaultBufferSize) =>
        ResultsFileReader.ReadSummaryAsync(new MemoryStream(file, writable: false), 5, bufferSize, CancellationToken.None);

    private static Task<ResultsFileException> FailAsync(byte[] file, int bufferSize = ResultsFileReader.DefaultBufferSize) =>
        Assert.ThrowsAsync<ResultsFileException>(() => ReadAsync(file, bufferSize));

    private static Task<ResultsFileException> FailAsync(string text) => FailAsync(Encoding.UTF8.GetBytes(text));

    private static async Task AssertTruncatedAsync(byte[] file, int length, int bufferSize)
    {
        var error = await FailAsync(file[..length], bufferSize);
        Assert.Equal(length, error.ByteOffset);
        Assert.StartsWith($"The results file ends at byte {length} ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": it is truncated, or still being written.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ResultsFileReader.DefaultBufferSize)]
    public async Task HandWrittenFile_CutAtEveryByte_SaysWhereItEnds(int bufferSize)
    {
        var file = HandWrittenFile.With(HandWrittenFile.Result(0, "TCS", 1.2), HandWrittenFile.Failure(1, "INFY"), HandWrittenFile.Result(2, "INFY", 0.8, profitFactor: "null"));

        // The last byte is the line break: without it the file is still whole.
        for (int length = 0; length < file.Length - 1; length++)
        {
            await AssertTruncatedAsync(file, length, bufferSize);
        }

        Assert.Equal(2, (await ReadAsync(file[..^1], bufferSize)).Top.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ResultsFileReader.DefaultBufferSize)]
    public async Task RealFile_CutAroundEveryResultAndThroughout_SaysWhereItEnds(int bufferSize)
    {
        var file = files.Small;
        var boundaries = new List<int>();
        for (int at = file.AsSpan().IndexOf("\"results\":["u8); at >= 0 && at < file.Length; at = file.AsSpan(at + 1).IndexOf("{\"index\""u8) is var next and >= 0 ? at + 1 + next : -1)
        {
            boundaries.Add(at);
        }

        Assert.Equal(7, boundaries.Count);
        var lengths = boundaries.SelectMany(b => Enumerable.Range(b - 3, 7))
            .Concat(Enumerable.Range(0, file.Length / 37).Select(i => i * 37))
            .Concat([file.Length - 2, file.Length - 3]);
        foreach (int length in lengths.Distinct())
        {
            await AssertTruncatedAsync(file, length, bufferSize);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ResultsFileReader.DefaultBufferSize)]
    public async Task InvalidByteInsideTrades_IsReportedAtThatByte(int bufferSize)
    {
        // Files written before a job's results dropped their trades still hold them: skipped by the reader, yet checked.
        var file = HandWrittenFile.With(HandWrittenFile.Result(0, "TCS", 1.2), HandWrittenFile.Result(1, "INFY", 0.8));
        int second = file.AsSpan().IndexOf("{\"index\":1,"u8);
        int bad = second + file.AsSpan(second).IndexOf("\"exit_price\":"u8) + "\"exit_price\":".Length;
        file[bad] = (byte)'x';

        var error = await FailAsync(file, bufferSize);

        Assert.Equal(bad, error.ByteOffset);
        Assert.StartsWith($"The results file is not valid JSON at byte {bad}: ", error.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task EmptyFile_SaysSo()
    {
        var error = await FailAsync([]);

        Assert.Equal("The results file ends at byte 0 before the first value (it is empty): it is truncated, or still being written.", error.Message);
    }

    [Fact]
    public async Task WrongTypeOfMetric_NamesTheFieldAndItsByte()
    {
        string text = Encoding.UTF8.GetString(HandWrittenFile.With(HandWrittenFile.Result(0, "TCS", 1.2), HandWrittenFile.Result(1, "TCS", 0.7)));
        int second = text.IndexOf("{\"index\":1,", StringComparison.Ordinal);
        int at = text.IndexOf("\"sharpe\":", second, StringComparison.Ordinal) + "\"sharpe\":".Length;
        text = text[..at] + "\"high\"" + text[(at + 3)..];

        var error = await FailAsync(text);

        Assert.Equal($"The results file is malformed at byte {at}: 'results[1].metrics.sharpe' is a string, not a finite number.", error.Message);
        Assert.Equal(at, error.ByteOffset);
    }

    [Fact]
    public async Task ResultWithoutMetrics_NamesTheResultAndWhereItStarts()
    {
        string result = HandWrittenFile.Result(0, "TCS", 1.2);
        int metrics = result.IndexOf(",\"metrics\"", StringComparison.Ordinal);
        string text = Encoding.UTF8.GetString(HandWrittenFile.With(result[..metrics] + result[result.IndexOf(",\"trades\"", StringComparison.Ordinal)..]));
        int start = text.IndexOf("{\"index\"", StringComparison.Ordinal);

        var error = await FailAsync(text);

        Assert.Equal($"The results file is malformed at byte {start}: results[0] has no 'metrics'.", error.Message);
    }

    [Fact]
    public async Task MetricsWithoutProfitFactor_NamesIt()
    {
        string text = Encoding.UTF8.GetString(HandWrittenFile.With(HandWrittenFile.Result(0, "TCS", 1.2).Replace("\"profit_factor\":1.65,", string.Empty, StringComparison.Ordinal)));

        var error = await FailAsync(text);

        Assert.EndsWith("results[0] has no 'metrics.profit_factor'.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "The results file is malformed at byte 0: the file is not a JSON object.")]
    [InlineData("""{"results":[1]}""", "The results file is malformed at byte 12: results[0] is not an object.")]
    [InlineData("""{"results":{}}""", "The results file is malformed at byte 11: 'results' is an object, not an array.")]
    [InlineData("""{"id":7}""", "The results file is malformed at byte 6: 'id' is the number 7, not a string.")]
    [InlineData("""{"tasks_total":1.5}""", "The results file is malformed at byte 15: 'tasks_total' is the number 1.5, not a whole number.")]
    [InlineData("""{"notes":["a",3]}""", "The results file is malformed at byte 14: 'notes[]' is the number 3, not a string.")]
    [InlineData("""{"results":[]}""", "The results file is malformed at byte 13: the root object has no 'id'.")]
    [InlineData("""{"id":"j1",,}""", "The results file is not valid JSON at byte 11: ',' is an invalid start of a property name. Expected a '\"'.")]
    public async Task WronglyShapedFile_NamesTheProblemAndItsByte(string text, string message)
    {
        Assert.Equal(message, (await FailAsync(text)).Message);
    }

    [Fact]
    public async Task ContentAfterTheRootObject_IsReportedAtItsByte()
    {
        var file = HandWrittenFile.With();
        var error = await FailAsync([.. file, .. "x"u8]);

        Assert.Equal($"The results file is not valid JSON at byte {file.Length}: 'x' is invalid after a single JSON value. Expected end of data.", error.Message);
    }

    [Fact]
    public async Task SpecThatIsNoJobSpec_IsReportedWithTheSpecsByte()
    {
        string text = Encoding.UTF8.GetString(HandWrittenFile.With()).Replace("\"from\":\"2022-01-01\"", "\"from\":\"soon\"", StringComparison.Ordinal);
        int at = text.IndexOf("\"spec\":", StringComparison.Ordinal) + "\"spec\":".Length;

        var error = await FailAsync(text);

        Assert.StartsWith($"The results file is malformed at byte {at}: 'spec' is not a job spec (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpecWithoutItsFields_IsReported()
    {
        string text = Encoding.UTF8.GetString(HandWrittenFile.With()).Replace(HandWrittenFile.Spec, "{}", StringComparison.Ordinal);

        var error = await FailAsync(text);

        Assert.EndsWith("'spec' lacks strategies, symbols, from, to or submitted_by.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValueLargerThanTheBufferCap_IsRefusedNotBuffered()
    {
        var file = new byte[ResultsFileReader.MaxValueBytes + 100];
        file.AsSpan().Fill((byte)'a');
        "{\"id\":\""u8.CopyTo(file);

        var error = await FailAsync(file);

        Assert.Equal("The results file has a value over 64 MB at byte 1; no result the cluster writes is that large.", error.Message);
    }

    [Fact]
    public async Task DamagedFileReadByPath_NamesThePath()
    {
        string path = Path.Combine(Path.GetDirectoryName(files.SmallPath)!, "job_cut.json");
        await File.WriteAllBytesAsync(path, files.Small[..100]);

        var error = await Assert.ThrowsAsync<ResultsFileException>(() => ResultsFileReader.ReadSummaryAsync(path, 5, CancellationToken.None));

        Assert.StartsWith($"{path}: The results file ends at byte 100 ", error.Message, StringComparison.Ordinal);
        Assert.Equal(100, error.ByteOffset);
    }
}
