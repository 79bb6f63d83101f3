using System.Buffers.Binary;
using System.Text;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Cluster.Worker;

namespace ClaudBot.Cluster.Tests.Results.Store;

/// <summary>
/// A chunk's rows as a worker stores them: what the builder writes reads back whole (rows bit for bit, the market index,
/// each distinct error once), and bytes that are not a whole chunk are refused as <see cref="InvalidDataException"/>,
/// never another exception or a hang.
/// </summary>
public sealed class ChunkRowsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-chunkrows-");

    public void Dispose() => _scratch.Delete(recursive: true);

    /// <summary>A real chunk on TCS: three backtests and three tasks that fail, two of them for the same reason.</summary>
    private async Task<(ChunkPayload Chunk, ChunkOutput Output)> RealChunkAsync()
    {
        var chunk = new ChunkPayload("job1", 0, "TCS", StoreRun.From, StoreRun.To, 10, 1_000_000, 40, ["rsi", "no_such_strategy", "macd", "no_such_strategy", "another_unknown(x=1)", "buy_hold"]);
        var output = await StoreRun.Runner(StoreRun.Data(_scratch.FullName)).RunAsync(chunk, CancellationToken.None);
        return (chunk, output);
    }

    private static async Task<InvalidDataException> RefusedAsync(byte[] stored)
    {
        // Read is synchronous: run it aside so that a loop on bad counts fails the test instead of holding the run.
        var read = Task.Run(() => ChunkRows.Read(stored));
        return await Assert.ThrowsAsync<InvalidDataException>(() => read.WaitAsync(Patience));
    }

    private static byte[] Header(int rows, int errors, int marketIndexLength, int extra = 0)
    {
        byte[] bytes = new byte[24 + extra];
        "CBR1"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), rows);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), errors);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12), 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(20), marketIndexLength);
        return bytes;
    }

    [Fact]
    public async Task RealChunk_ReadsBack_WithEachDistinctErrorOnce_AndTheRightNumbers()
    {
        var (chunk, output) = await RealChunkAsync();

        var rows = ChunkRows.Read(output.Rows);

        Assert.Equal((6, 3), (output.Tasks, output.Failed));
        Assert.Equal(6, rows.Count);
        Assert.Equal(6 * StoredRow.Size, rows.Rows.Length);
        Assert.False(string.IsNullOrEmpty(rows.MarketIndex));
        Assert.Equal([false, true, false, true, true, false], Enumerable.Range(0, 6).Select(i => rows.Row(i).Failed));
        Assert.Equal(2, rows.Errors.Count);
        Assert.Contains("no_such_strategy", rows.Errors[0], StringComparison.Ordinal);
        Assert.Contains("another_unknown", rows.Errors[1], StringComparison.Ordinal);
        Assert.Equal([0, 0, 1], new[] { 1, 3, 4 }.Select(i => rows.Row(i).TradesOrError));

        // The errors the chunk reports per task are the texts the rows number.
        Assert.Equal(3, output.Errors.Count);
        Assert.All(new[] { (0, 1), (1, 3), (2, 4) }, p => Assert.EndsWith(rows.Errors[rows.Row(p.Item2).TradesOrError], output.Errors[p.Item1], StringComparison.Ordinal));
        Assert.True(rows.Row(0).Bars > 700 && rows.Row(5).TradesOrError == 1, "rsi ran over three years and buy and hold traded once");
        Assert.Equal(chunk.Strategies.Count, rows.Count);
    }

    [Fact]
    public async Task Builder_RebuildsARealChunk_ByteForByte()
    {
        var (_, output) = await RealChunkAsync();
        var rows = ChunkRows.Read(output.Rows);

        var builder = new ChunkRows.Builder(rows.FirstTask, 1, rows.MarketIndex);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows.Row(i);
            if (row.Failed)
            {
                builder.AddFailure(rows.Errors[row.TradesOrError]);
            }
            else
            {
                builder.Add(row);
            }
        }

        Assert.Equal(6, builder.Count);
        Assert.Equal(output.Rows, builder.ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("équipondéré de 49 valeurs — NIFTY 50 ✓")]
    public void Builder_RoundTrip_KeepsTheMarketIndex_AndRowsBitForBit(string? marketIndex)
    {
        var builder = new ChunkRows.Builder(0, 0, marketIndex);
        var first = new StoredRow { TradesOrError = 4, Bars = 10, From = new DateOnly(2023, 1, 2), To = new DateOnly(2023, 1, 13), Beta = double.NaN, Alpha = -0.0, ExcessReturn = double.PositiveInfinity };
        first.Metrics[8] = double.NaN;
        first.Metrics[3] = 1.25;
        builder.Add(first);
        builder.AddFailure("a: it broke");
        builder.AddFailure("b: ça a cassé");
        builder.AddFailure("a: it broke");

        var read = ChunkRows.Read(builder.ToArray());

        Assert.Equal(marketIndex, read.MarketIndex);
        Assert.Equal(4, read.Count);
        Assert.Equal(["a: it broke", "b: ça a cassé"], read.Errors);
        Assert.Equal([0, 1, 0], Enumerable.Range(1, 3).Select(i => read.Row(i).TradesOrError));
        Assert.All(Enumerable.Range(1, 3), i => Assert.True(read.Row(i).Failed));
        var back = read.Row(0);
        Assert.False(back.Failed);
        Assert.Equal((4, 10, first.From, first.To), (back.TradesOrError, back.Bars, back.From, back.To));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(back.Alpha));
        Assert.True(double.IsNaN(back.Metrics[8]) && double.IsPositiveInfinity(back.ExcessReturn) && back.Sharpe == 1.25);
    }

    [Fact]
    public void Builder_OfNoTasks_ReadsBackEmpty()
    {
        var read = ChunkRows.Read(new ChunkRows.Builder(0, 0, "X").ToArray());

        Assert.Equal((0, 0, 0, "X"), (read.Count, read.Rows.Length, read.Errors.Count, read.MarketIndex));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("CBR0\u0001\0\0\0\0\0\0\0\u00ff\u00ff\u00ff\u00ff")]
    [InlineData("cbr1\0\0\0\0\0\0\0\0\u00ff\u00ff\u00ff\u00ff")]
    [InlineData("CBR1")]
    [InlineData("CBR1\0\0\0\0\0\0\0")]
    public async Task Read_OfBytesThatDoNotStartAsAChunk_IsInvalidData(string text)
    {
        byte[] stored = Encoding.Latin1.GetBytes(text);

        await RefusedAsync(stored);
        Assert.Equal(stored.Length >= 4 && stored.AsSpan(0, 4).SequenceEqual("CBR1"u8), ChunkRows.IsChunkRows(stored));
    }

    [Fact]
    public async Task Read_OfEveryTruncationOfARealChunk_IsInvalidData()
    {
        var (_, output) = await RealChunkAsync();
        byte[] whole = output.Rows;

        for (int length = 0; length < whole.Length; length++)
        {
            await RefusedAsync(whole[..length]);
        }

        Assert.Equal(6, ChunkRows.Read(whole).Count);
    }

    [Fact]
    public async Task Read_OfRowsCutMidRow_SaysHowManyItClaimed()
    {
        var builder = new ChunkRows.Builder(0, 3, null);
        builder.Add(new StoredRow { Bars = 1 });
        builder.Add(new StoredRow { Bars = 2 });
        builder.Add(new StoredRow { Bars = 3 });
        byte[] whole = builder.ToArray();

        var error = await RefusedAsync(whole[..^100]);

        Assert.Contains("3 rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(5)]
    [InlineData(int.MaxValue)]
    public async Task Read_OfAMarketIndexLongerThanTheBytes_IsInvalidData(int length)
    {
        byte[] stored = Header(0, 0, length, extra: 4);

        await RefusedAsync(stored);
    }

    [Fact]
    public async Task Read_OfAnErrorLongerThanTheBytes_IsInvalidData()
    {
        var builder = new ChunkRows.Builder(0, 1, null);
        builder.AddFailure("short");
        byte[] stored = builder.ToArray();
        // The error's length sits just before its five bytes at the end.
        BinaryPrimitives.WriteInt32LittleEndian(stored.AsSpan(stored.Length - 9), 6);

        var error = await RefusedAsync(stored);

        Assert.Contains("6 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 0, -1)]
    [InlineData(int.MinValue, 0, -1)]
    [InlineData(0, -1, -1)]
    [InlineData(0, int.MinValue, -1)]
    [InlineData(0, 0, -2)]
    [InlineData(0, 0, int.MinValue)]
    [InlineData(int.MaxValue, 0, -1)]
    [InlineData(11_184_811, 0, -1)]
    public async Task Read_OfNegativeOrImpossibleCounts_IsInvalidData(int rows, int errors, int marketIndexLength)
    {
        byte[] stored = Header(rows, errors, marketIndexLength, extra: StoredRow.Size);

        await RefusedAsync(stored);
    }

    [Fact]
    public async Task Read_OfMoreErrorsThanTheBytesCouldHold_IsInvalidData()
    {
        // No rows, no market index, and a count of errors no array can hold: four bytes each at the least, so the
        // bytes themselves say there cannot be so many.
        byte[] stored = Header(0, int.MaxValue, -1);

        await RefusedAsync(stored);
    }

    [Fact]
    public async Task Read_OfMissingErrors_IsInvalidData()
    {
        var builder = new ChunkRows.Builder(0, 1, "index");
        builder.AddFailure("one");
        byte[] stored = builder.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(stored.AsSpan(8), 2);

        await RefusedAsync(stored);
    }

    [Fact]
    public void Row_OfAnUnknownKindInAChunk_IsInvalidData()
    {
        var builder = new ChunkRows.Builder(0, 2, null);
        builder.Add(new StoredRow { Bars = 1 });
        builder.Add(new StoredRow { Bars = 2 });
        byte[] stored = builder.ToArray();
        int secondRow = 24 + StoredRow.Size;
        stored[secondRow] = 9;

        var read = ChunkRows.Read(stored);

        Assert.Equal(1, read.Row(0).Bars);
        Assert.Throws<InvalidDataException>(() => read.Row(1));
    }
}
