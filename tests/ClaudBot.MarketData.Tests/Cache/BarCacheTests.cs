using System.Buffers.Binary;
using ClaudBot.MarketData.Cache;
using ClaudBot.MarketData.Csv;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Cache;

public sealed class BarCacheTests : IDisposable
{
    private static readonly CsvStamp Stamp = new(1234, 638_000_000_000_000_000);
    private readonly TempDirectory _dir = new();
    private readonly BarCache _cache;
    private readonly CsvReadResult _parsed;

    public BarCacheTests()
    {
        _cache = new BarCache(_dir.Combine(".cache"));
        _parsed = CsvBarReader.Read(new StringReader(CsvSamples.ThreeGoodRows()), "TCS", "TCS.csv");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WriteThenRead_SameStamp_ReturnsIdenticalColumns()
    {
        _cache.Write(Stamp, _parsed);

        var read = _cache.TryRead("TCS", Stamp, out var status, out _);

        Assert.Equal(BarCacheStatus.Hit, status);
        Assert.NotNull(read);
        Assert.Equal("TCS", read.Bars.Symbol);
        Assert.Equal(_parsed.Bars.Days, read.Bars.Days);
        Assert.Equal(_parsed.Bars.Open, read.Bars.Open);
        Assert.Equal(_parsed.Bars.High, read.Bars.High);
        Assert.Equal(_parsed.Bars.Low, read.Bars.Low);
        Assert.Equal(_parsed.Bars.Close, read.Bars.Close);
        Assert.Equal(_parsed.Bars.Volume, read.Bars.Volume);
        Assert.Equal(0, read.SkippedRows);
        Assert.Null(read.FirstSkippedRow);
        Assert.Empty(Directory.GetFiles(_cache.Directory, "*.tmp"));
    }

    [Fact]
    public void Write_FileHasTheDocumentedAlignedLayout()
    {
        var withSkip = _parsed with { SkippedRows = 2, FirstSkippedRow = "line 9: 'Close' is not a number: \"abc\"" };
        _cache.Write(Stamp, withSkip);

        byte[] file = File.ReadAllBytes(_cache.PathOf("TCS"));
        var layout = new BarCacheLayout(3, 38);
        Assert.Equal("CBBARS\r\n"u8.ToArray(), file[..8]);
        Assert.Equal(BarCacheHeader.FormatVersion, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(16)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(20)));
        Assert.Equal(1234, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(24)));
        Assert.Equal(638_000_000_000_000_000, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(32)));
        Assert.Equal(layout.FileLength, file.Length);
        Assert.Equal(192, layout.DaysOffset);
        Assert.Equal([256L, 320L, 384L, 448L, 512L], Enumerable.Range(0, 5).Select(layout.ColumnOffset));
        Assert.Equal(layout.DaysOffset, BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(64)));
        Assert.Equal(CsvSamples.Day(2021, 1, 27), BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(192)));
        Assert.Equal(12d, BinaryPrimitives.ReadDoubleLittleEndian(file.AsSpan(448 + 16)));

        var read = _cache.TryRead("TCS", Stamp, out _, out _);
        Assert.Equal(2, read!.SkippedRows);
        Assert.Equal("line 9: 'Close' is not a number: \"abc\"", read.FirstSkippedRow);
    }

    [Fact]
    public void TryRead_NoFile_IsAbsent()
    {
        Assert.Null(_cache.TryRead("TCS", Stamp, out var status, out _));
        Assert.Equal(BarCacheStatus.Absent, status);
    }

    [Fact]
    public void TryRead_OtherStamp_IsStale()
    {
        _cache.Write(Stamp, _parsed);

        Assert.Null(_cache.TryRead("TCS", Stamp with { LastWriteUtcTicks = Stamp.LastWriteUtcTicks + 1 }, out var byTime, out _));
        Assert.Null(_cache.TryRead("TCS", Stamp with { Length = Stamp.Length + 1 }, out var byLength, out _));
        Assert.Equal(BarCacheStatus.Stale, byTime);
        Assert.Equal(BarCacheStatus.Stale, byLength);
    }

    [Fact]
    public void TryRead_OlderFormatVersion_IsStale()
    {
        _cache.Write(Stamp, _parsed);
        Patch(bytes => BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), BarCacheHeader.FormatVersion + 1));

        Assert.Null(_cache.TryRead("TCS", Stamp, out var status, out _));
        Assert.Equal(BarCacheStatus.Stale, status);
    }

    public static TheoryData<string> Damages => ["truncated", "one flipped price bit", "flipped day", "empty", "garbage", "huge count", "bad offset"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void TryRead_DamagedFile_IsCorruptAndNeverThrows(string damage)
    {
        _cache.Write(Stamp, _parsed);
        string path = _cache.PathOf("TCS");
        byte[] bytes = File.ReadAllBytes(path);
        byte[] damaged = damage switch
        {
            "truncated" => bytes[..^5],
            "one flipped price bit" => Flip(bytes, bytes.Length - 9),
            "flipped day" => Flip(bytes, 192 + 4),
            "empty" => [],
            "garbage" => [.. Enumerable.Range(0, bytes.Length).Select(i => (byte)(i * 31))],
            "huge count" => With(bytes, b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(16), int.MaxValue)),
            _ => With(bytes, b => BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(72), 8)),
        };
        File.WriteAllBytes(path, damaged);

        Assert.Null(_cache.TryRead("TCS", Stamp, out var status, out string reason));
        Assert.Equal(BarCacheStatus.Corrupt, status);
        Assert.NotEmpty(reason);
    }

    private void Patch(Action<byte[]> change)
    {
        string path = _cache.PathOf("TCS");
        File.WriteAllBytes(path, With(File.ReadAllBytes(path), change));
    }

    private static byte[] With(byte[] bytes, Action<byte[]> change)
    {
        byte[] copy = [.. bytes];
        change(copy);
        return copy;
    }

    private static byte[] Flip(byte[] bytes, int index) => With(bytes, b => b[index] ^= 0x01);
}
