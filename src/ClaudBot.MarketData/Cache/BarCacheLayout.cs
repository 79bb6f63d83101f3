namespace ClaudBot.MarketData.Cache;

/// <summary>
/// Where everything sits in a cache file of <paramref name="Count"/> bars. The file is a 128-byte
/// header, the UTF-8 first-skip message, then six columns, each a contiguous little-endian block
/// starting on a 64-byte boundary: Days (int32), then Open, High, Low, Close, Volume (float64).
/// The layout follows from the two numbers, so a reader can check the stored offsets against it.
/// </summary>
internal readonly record struct BarCacheLayout(int Count, int MessageLength)
{
    public const int HeaderSize = 128;

    /// <summary>The first-skip message follows the header directly.</summary>
    public const int MessageOffset = HeaderSize;
    public const int Alignment = 64;

    /// <summary>Number of float64 columns after Days.</summary>
    public const int PriceColumns = 5;

    public long DaysOffset => Align(HeaderSize + (long)MessageLength);

    /// <summary>Offset of Open (0), High (1), Low (2), Close (3) or Volume (4).</summary>
    public long ColumnOffset(int column) =>
        Align(DaysOffset + (4L * Count)) + (column * Align(8L * Count));

    public long FileLength => ColumnOffset(PriceColumns - 1) + (8L * Count);

    private static long Align(long offset) => (offset + Alignment - 1) & ~(long)(Alignment - 1);
}
