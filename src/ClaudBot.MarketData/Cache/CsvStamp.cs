using Microsoft.Win32.SafeHandles;

namespace ClaudBot.MarketData.Cache;

/// <summary>
/// Identifies one version of a CSV file by its length and last-write time; a cache or memo entry
/// with a different stamp is stale.
/// </summary>
internal readonly record struct CsvStamp(long Length, long LastWriteUtcTicks)
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CsvStamp FromPath(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("The CSV file does not exist.", path);
        }

        return new CsvStamp(info.Length, info.LastWriteTimeUtc.Ticks);
    }

    /// <summary>The stamp of an open file, so it matches the bytes read through the same handle.</summary>
    public static CsvStamp FromHandle(SafeFileHandle handle) =>
        new(RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle).Ticks);
}
