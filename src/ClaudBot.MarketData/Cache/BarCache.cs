using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using ClaudBot.Engine.Data;
using ClaudBot.Hosting;
using ClaudBot.MarketData.Csv;
using Microsoft.Win32.SafeHandles;

namespace ClaudBot.MarketData.Cache;

/// <summary>
/// The binary bar cache: one <c>SYMBOL.bars</c> file per symbol (layout in <see cref="BarCacheLayout"/>
/// and <see cref="BarCacheHeader"/>). A read is a header check and one block read per column straight
/// into the arrays, no per-bar work; anything that does not check out (other CSV stamp or format
/// version, wrong length, checksum mismatch) is reported and never returned. Writes go to a temporary
/// file in the same folder that is then renamed over the old one, so readers never see half a file.
/// </summary>
internal sealed class BarCache(string directory)
{
    public const string Extension = ".bars";

    /// <summary>The cache stores columns in the machine's byte order and requires little-endian.</summary>
    public static bool IsSupported => BitConverter.IsLittleEndian;

    public string Directory { get; } = directory;

    public string PathOf(string symbol) => Path.Combine(Directory, symbol + Extension);

    /// <summary>The cached result for a CSV with <paramref name="stamp"/>; null with a status and reason otherwise. Never throws for a bad file.</summary>
    public CsvReadResult? TryRead(string symbol, CsvStamp stamp, out BarCacheStatus status, out string reason)
    {
        string path = PathOf(symbol);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            return Read(handle, symbol, stamp, out status, out reason);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            status = BarCacheStatus.Absent;
            reason = "no cache file";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // ArgumentException: the BarSeries rejected the columns (dates not ascending).
            status = BarCacheStatus.Corrupt;
            reason = e.Message;
        }

        return null;
    }

    /// <summary>Writes the cache file for a parse of the CSV with <paramref name="stamp"/>.</summary>
    /// <exception cref="IOException">The folder or file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is read-only.</exception>
    public void Write(CsvStamp stamp, CsvReadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var bars = result.Bars;
        byte[] message = Encoding.UTF8.GetBytes(Truncate(result.FirstSkippedRow ?? string.Empty));
        var columns = PriceColumns(bars);
        var header = new BarCacheHeader(bars.Count, result.SkippedRows, message.Length, stamp, Checksum(message, bars.Days, columns));
        var layout = header.Layout;

        PrivateFiles.CreateDirectory(Directory);
        string temp = Path.Combine(Directory, $"{bars.Symbol}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = PrivateFiles.Open(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.None, layout.FileLength))
            {
                var handle = file.SafeFileHandle;
                Span<byte> headerBytes = stackalloc byte[BarCacheLayout.HeaderSize];
                header.Write(headerBytes);
                RandomAccess.Write(handle, headerBytes, 0);
                RandomAccess.Write(handle, message, BarCacheLayout.MessageOffset);
                RandomAccess.Write(handle, MemoryMarshal.AsBytes(bars.Days.AsSpan()), layout.DaysOffset);
                for (int column = 0; column < columns.Length; column++)
                {
                    RandomAccess.Write(handle, MemoryMarshal.AsBytes(columns[column].AsSpan()), layout.ColumnOffset(column));
                }
            }

            File.Move(temp, PathOf(bars.Symbol), overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static CsvReadResult? Read(SafeFileHandle handle, string symbol, CsvStamp stamp, out BarCacheStatus status, out string reason)
    {
        long length = RandomAccess.GetLength(handle);
        Span<byte> headerBytes = stackalloc byte[BarCacheLayout.HeaderSize];
        int headerRead = ReadFully(handle, headerBytes, 0);
        if (BarCacheHeader.TryRead(headerBytes[..headerRead], length, out status, out reason) is not { } header)
        {
            return null;
        }

        if (header.Stamp != stamp)
        {
            status = BarCacheStatus.Stale;
            reason = "the CSV changed since the cache was written";
            return null;
        }

        var layout = header.Layout;
        byte[] message = new byte[header.MessageLength];
        int[] days = new int[header.Count];
        double[][] columns = [.. Enumerable.Range(0, BarCacheLayout.PriceColumns).Select(_ => new double[header.Count])];
        bool complete = ReadFully(handle, message, BarCacheLayout.MessageOffset) == message.Length
            && ReadFully(handle, MemoryMarshal.AsBytes(days.AsSpan()), layout.DaysOffset) == 4 * days.Length;
        for (int column = 0; column < columns.Length && complete; column++)
        {
            complete = ReadFully(handle, MemoryMarshal.AsBytes(columns[column].AsSpan()), layout.ColumnOffset(column)) == 8 * header.Count;
        }

        if (!complete || Checksum(message, days, columns) != header.Checksum)
        {
            status = BarCacheStatus.Corrupt;
            reason = complete ? "checksum mismatch" : "file ended early";
            return null;
        }

        var bars = new BarSeries(symbol, days, columns[0], columns[1], columns[2], columns[3], columns[4]);
        status = BarCacheStatus.Hit;
        return new CsvReadResult(bars, header.SkippedRows, message.Length == 0 ? null : Encoding.UTF8.GetString(message));
    }

    private static double[][] PriceColumns(BarSeries bars) => [bars.Open, bars.High, bars.Low, bars.Close, bars.Volume];

    private static ulong Checksum(byte[] message, int[] days, double[][] columns)
    {
        var hash = new XxHash3();
        hash.Append(message);
        hash.Append(MemoryMarshal.AsBytes(days.AsSpan()));
        foreach (var column in columns)
        {
            hash.Append(MemoryMarshal.AsBytes(column.AsSpan()));
        }

        return hash.GetCurrentHashAsUInt64();
    }

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static string Truncate(string message)
    {
        // The header bounds the message; a row quoted in it is already short, so this rarely cuts.
        const int MaxChars = BarCacheHeader.MaxMessageLength / 4;
        return message.Length > MaxChars ? message[..MaxChars] : message;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray .tmp file is harmless and never read.
        }
    }
}
