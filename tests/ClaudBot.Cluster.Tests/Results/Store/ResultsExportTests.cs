using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaudBot.Cluster.Results.Store;

namespace ClaudBot.Cluster.Tests.Results.Store;

/// <summary>
/// The export made from a results file and its rows: the header's properties then one element per task; a damaged rows
/// file reaches the reader as an error, never as a short document; a file written before rows files is copied as it is;
/// and the streamed export can be let go early.
/// </summary>
public sealed class ResultsExportTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-export-");

    public void Dispose() => _scratch.Delete(recursive: true);

    /// <summary>A real job stored in its own folder: its results file (beside its rows file) and its task count.</summary>
    private async Task<(string Path, int Tasks)> StoredJobAsync(string strategies = "rsi,macd,buy_hold", string symbols = "TCS,INFY")
    {
        string scratch = Path.Combine(_scratch.FullName, Guid.NewGuid().ToString("N")[..8]);
        var plan = await StoreRun.PlanAsync(scratch, strategies, symbols);
        var (path, _, _) = await StoreRun.StoreAsync(scratch, StoreRun.Data(scratch), plan);
        return (path, plan.TaskCount);
    }

    /// <summary>Reads <see cref="ResultsExport.Open(string, CancellationToken)"/> to its end, as a client would.</summary>
    private static async Task<byte[]> ReadOpenedAsync(string path)
    {
        await using var stream = ResultsExport.Open(path, CancellationToken.None);
        using var sink = new MemoryStream();
        await stream.CopyToAsync(sink).WaitAsync(Patience);
        return sink.ToArray();
    }

    private static void AssertIsOrWraps<T>(Exception error)
        where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T)
            {
                return;
            }
        }

        Assert.Fail($"expected {typeof(T).Name}, got {error}");
    }

    private static void Truncate(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength(length);
    }

    [Fact]
    public async Task Export_IsTheHeadersPropertiesButStore_ThenOneResultPerTask()
    {
        var (path, tasks) = await StoredJobAsync();

        byte[] export = await ReadOpenedAsync(path);

        using var header = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        using var document = JsonDocument.Parse(export);
        var expected = header.RootElement.EnumerateObject().Where(p => p.Name != "store").ToArray();
        var properties = document.RootElement.EnumerateObject().ToArray();
        Assert.Equal([.. expected.Select(p => p.Name), "results"], properties.Select(p => p.Name));
        for (int i = 0; i < expected.Length; i++)
        {
            // The same JSON value; not always the same text: the export's writer escapes what the header's did not (+ in a date).
            Assert.True(JsonElement.DeepEquals(expected[i].Value, properties[i].Value), $"{expected[i].Name}: {expected[i].Value.GetRawText()} became {properties[i].Value.GetRawText()}");
        }

        Assert.Equal(Enumerable.Range(0, tasks), properties[^1].Value.EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(export, await StoreRun.ExportAsync(path));
        Assert.Equal((byte)'\n', export[^1]);
    }

    [Theory]
    [InlineData(StoredRow.Size / 2)]
    [InlineData(StoredRow.Size)]
    [InlineData((5 * StoredRow.Size) + 1)]
    public async Task Open_OfARowsFileCutShort_FailsTheReader_NeverAShortDocument(int cut)
    {
        var (path, _) = await StoredJobAsync();
        string rows = RowsFile.PathFor(path);
        Truncate(rows, new FileInfo(rows).Length - cut);
        await using var stream = ResultsExport.Open(path, CancellationToken.None);
        using var sink = new MemoryStream();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => stream.CopyToAsync(sink).WaitAsync(Patience));

        AssertIsOrWraps<InvalidDataException>(error);
        Assert.Contains("truncated", error.ToString(), StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(sink.ToArray()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(RowsFile.HeaderSize + 6)]
    public async Task WriteAsync_OfARowsFileCutInItsHeaderOrParameterSets_IsInvalidData(int length)
    {
        var (path, _) = await StoredJobAsync();
        Truncate(RowsFile.PathFor(path), length);

        await Assert.ThrowsAsync<InvalidDataException>(() => StoreRun.ExportAsync(path));
        AssertIsOrWraps<InvalidDataException>(await Assert.ThrowsAnyAsync<Exception>(() => ReadOpenedAsync(path)));
    }

    [Fact]
    public async Task Export_OfARowOfUnknownKind_IsInvalidData()
    {
        var (path, _) = await StoredJobAsync();
        string rows = RowsFile.PathFor(path);
        byte[] bytes = await File.ReadAllBytesAsync(rows);
        bytes[^(2 * StoredRow.Size)] = 3;
        await File.WriteAllBytesAsync(rows, bytes);

        AssertIsOrWraps<InvalidDataException>(await Assert.ThrowsAnyAsync<Exception>(() => ReadOpenedAsync(path)));
    }

    [Fact]
    public async Task Export_OfARowsFileOfAnotherFormat_IsInvalidData()
    {
        var (path, _) = await StoredJobAsync();
        string rows = RowsFile.PathFor(path);
        byte[] bytes = await File.ReadAllBytesAsync(rows);
        bytes[15] = (byte)'2';
        await File.WriteAllBytesAsync(rows, bytes);

        await Assert.ThrowsAsync<InvalidDataException>(() => StoreRun.ExportAsync(path));
    }

    [Fact]
    public async Task Export_WhoseHeaderNamesMoreSymbolsThanTheRowsHold_IsInvalidData()
    {
        var (path, _) = await StoredJobAsync();
        var header = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        header["store"]!["symbols"]!.AsArray().Add("RELIANCE");
        await File.WriteAllTextAsync(path, header.ToJsonString());

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => StoreRun.ExportAsync(path));

        Assert.Contains("6 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OfAResultsFileNamingNoStore_BesideARowsFile_IsInvalidData()
    {
        var (path, _) = await StoredJobAsync();
        var header = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        header.Remove("store");
        await File.WriteAllTextAsync(path, header.ToJsonString());

        await Assert.ThrowsAsync<InvalidDataException>(() => StoreRun.ExportAsync(path));
    }

    [Fact]
    public async Task LegacyResultsFile_WithNoRowsFileBeside_IsCopiedAsItIs()
    {
        // A results file of the old kind has its results inline: an export is exactly that.
        var (stored, _) = await StoredJobAsync();
        byte[] legacy = [.. await StoreRun.ExportAsync(stored), .. "\n  \n"u8];
        string path = Path.Combine(Directory.CreateDirectory(Path.Combine(_scratch.FullName, "legacy")).FullName, "job_old.json");
        await File.WriteAllBytesAsync(path, legacy);

        Assert.Equal(legacy, await ReadOpenedAsync(path));
        Assert.Equal(legacy, await StoreRun.ExportAsync(path));
        Assert.False(File.Exists(RowsFile.PathFor(path)));
    }

    [Fact]
    public async Task LegacyResultsFile_IsCopiedEvenWhenItIsNoJson()
    {
        string path = Path.Combine(_scratch.FullName, "job_odd.json");
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"results\": [ not json at all"), 0xFF, 0x00, 0x7B];
        await File.WriteAllBytesAsync(path, bytes);

        Assert.Equal(bytes, await ReadOpenedAsync(path));
    }

    [Fact]
    public async Task Open_ReadALittleThenDisposed_DoesNotHang()
    {
        // 156 results: an export larger than the pipe holds, so its writer is waiting on the reader when the reader goes.
        var (path, tasks) = await StoredJobAsync("rsi(period=5..30 step 1, lower=20|25|30)", "TCS,INFY");
        Assert.True(tasks * 500 > 1 << 16, "the export should be larger than the pipe's buffer");
        byte[] start = new byte[64];

        var stream = ResultsExport.Open(path, CancellationToken.None);
        await stream.ReadExactlyAsync(start).AsTask().WaitAsync(Patience);
        await stream.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.StartsWith("{\"id\":", Encoding.UTF8.GetString(start), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ReaderDisposedEarly_DoesNotLeaveTheWriterWaiting()
    {
        var finished = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        byte[] block = new byte[1 << 16];
        const int Blocks = 1_000;
        var stream = ResultsExport.Open(
            async (output, ct) =>
            {
                int written = 0;
                try
                {
                    for (; written < Blocks; written++)
                    {
                        await output.WriteAsync(block, ct);
                    }
                }
                finally
                {
                    finished.SetResult(written);
                }
            },
            CancellationToken.None);

        await stream.ReadExactlyAsync(new byte[100]).AsTask().WaitAsync(Patience);
        await stream.DisposeAsync().AsTask().WaitAsync(Patience);

        // Disposing the reader cancels the writer: it stops rather than format the rest for nobody.
        int blocks = await finished.Task.WaitAsync(Patience);
        Assert.InRange(blocks, 0, Blocks - 1);
    }

    [Fact]
    public async Task Open_PassesTheWritersFailureToTheReader_AfterWhatWasWritten()
    {
        var stream = ResultsExport.Open(
            async (output, ct) =>
            {
                await output.WriteAsync("{\"results\":["u8.ToArray(), ct);
                await output.FlushAsync(ct);
                throw new InvalidDataException("the rows end early");
            },
            CancellationToken.None);
        await using (stream)
        {
            using var sink = new MemoryStream();

            var error = await Assert.ThrowsAnyAsync<Exception>(() => stream.CopyToAsync(sink).WaitAsync(Patience));

            AssertIsOrWraps<InvalidDataException>(error);
            Assert.Contains("the rows end early", error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Open_OfAFileThatIsGone_FailsTheReader()
    {
        string path = Path.Combine(_scratch.FullName, "job_gone.json");

        AssertIsOrWraps<FileNotFoundException>(await Assert.ThrowsAnyAsync<Exception>(() => ReadOpenedAsync(path)));
    }
}
