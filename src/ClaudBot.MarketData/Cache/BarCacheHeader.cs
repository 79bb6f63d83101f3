using System.Buffers.Binary;

namespace ClaudBot.MarketData.Cache;

/// <summary>
/// The fixed 128-byte header of a cache file, little-endian:
/// <code>
///   0  u64 magic "CBBARS\r\n"      8 i32 format version   12 i32 header size (128)
///  16  i32 bar count              20 i32 skipped rows     24 i64 CSV length
///  32  i64 CSV last write (UTC ticks)                     40 i64 file length
///  48  u64 XxHash3 of message and columns                 56 i32 message length   60 i32 zero
///  64  i64 offsets of Days, Open, High, Low, Close, Volume (6 x 8)   112..127 zero
/// </code>
/// </summary>
internal readonly record struct BarCacheHeader(int Count, int SkippedRows, int MessageLength, CsvStamp Stamp, ulong Checksum)
{
    /// <summary>Bumped whenever the layout or the meaning of parsed values changes.</summary>
    public const int FormatVersion = 1;

    public const int MaxMessageLength = 4096;

    private const ulong Magic = 0x0A0D_5352_4142_4243; // "CBBARS\r\n" read as little-endian

    public BarCacheLayout Layout => new(Count, MessageLength);

    public void Write(Span<byte> buffer)
    {
        buffer[..BarCacheLayout.HeaderSize].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[8..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[12..], BarCacheLayout.HeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[16..], Count);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[20..], SkippedRows);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[24..], Stamp.Length);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[32..], Stamp.LastWriteUtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[40..], Layout.FileLength);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer[48..], Checksum);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[56..], MessageLength);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[64..], Layout.DaysOffset);
        for (int column = 0; column < BarCacheLayout.PriceColumns; column++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer[(72 + (8 * column))..], Layout.ColumnOffset(column));
        }
    }

    /// <summary>Reads and checks a header against itself and the file length; null with a reason when unusable.</summary>
    public static BarCacheHeader? TryRead(ReadOnlySpan<byte> buffer, long fileLength, out BarCacheStatus status, out string reason)
    {
        status = BarCacheStatus.Corrupt;
        if (buffer.Length < BarCacheLayout.HeaderSize || BinaryPrimitives.ReadUInt64LittleEndian(buffer) != Magic)
        {
            reason = "not a bar cache file (bad magic)";
            return null;
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(buffer[8..]);
        if (version != FormatVersion || BinaryPrimitives.ReadInt32LittleEndian(buffer[12..]) != BarCacheLayout.HeaderSize)
        {
            status = BarCacheStatus.Stale;
            reason = $"format version {version}, expected {FormatVersion}";
            return null;
        }

        var header = new BarCacheHeader(
            Count: BinaryPrimitives.ReadInt32LittleEndian(buffer[16..]),
            SkippedRows: BinaryPrimitives.ReadInt32LittleEndian(buffer[20..]),
            MessageLength: BinaryPrimitives.ReadInt32LittleEndian(buffer[56..]),
            Stamp: new CsvStamp(BinaryPrimitives.ReadInt64LittleEndian(buffer[24..]), BinaryPrimitives.ReadInt64LittleEndian(buffer[32..])),
            Checksum: BinaryPrimitives.ReadUInt64LittleEndian(buffer[48..]));
        if (header.Count < 1 || header.SkippedRows < 0 || header.MessageLength < 0 || header.MessageLength > MaxMessageLength
            || (header.SkippedRows == 0) != (header.MessageLength == 0))
        {
            reason = "header fields out of range";
            return null;
        }

        var layout = header.Layout;
        if (BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]) != fileLength || layout.FileLength != fileLength)
        {
            reason = $"length {fileLength} bytes does not match the header (truncated?)";
            return null;
        }

        bool offsetsMatch = BinaryPrimitives.ReadInt64LittleEndian(buffer[64..]) == layout.DaysOffset;
        for (int column = 0; column < BarCacheLayout.PriceColumns; column++)
        {
            offsetsMatch &= BinaryPrimitives.ReadInt64LittleEndian(buffer[(72 + (8 * column))..]) == layout.ColumnOffset(column);
        }

        reason = offsetsMatch ? string.Empty : "column offsets do not match the layout";
        status = offsetsMatch ? BarCacheStatus.Hit : BarCacheStatus.Corrupt;
        return offsetsMatch ? header : null;
    }
}
