using System.Buffers;
using System.Globalization;
using ClaudBot.MarketData.Cache;
using Microsoft.Win32.SafeHandles;

namespace ClaudBot.MarketData.Csv;

/// <summary>
/// Reads a CSV file into a pooled buffer and parses it, returning the stamp of the exact bytes read
/// (taken from the same handle), so a cache written from the result can never claim a newer file.
/// </summary>
internal static class CsvFile
{
    public static (CsvReadResult Result, CsvStamp Stamp) Read(string path, string symbol, string displayName, bool lenient)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var stamp = CsvStamp.FromHandle(handle);
        byte[] buffer = Rent(stamp, displayName);
        try
        {
            int total = 0;
            int read;
            while (total < stamp.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(total, (int)stamp.Length - total), total)) > 0)
            {
                total += read;
            }

            return (CsvBarParser.Parse(buffer.AsSpan(0, total), symbol, displayName, lenient), stamp);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static async ValueTask<(CsvReadResult Result, CsvStamp Stamp)> ReadAsync(
        string path, string symbol, string displayName, bool lenient, CancellationToken cancellationToken)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.Asynchronous);
        var stamp = CsvStamp.FromHandle(handle);
        byte[] buffer = Rent(stamp, displayName);
        try
        {
            int total = 0;
            int read;
            while (total < stamp.Length
                && (read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(total, (int)stamp.Length - total), total, cancellationToken)) > 0)
            {
                total += read;
            }

            return (CsvBarParser.Parse(buffer.AsSpan(0, total), symbol, displayName, lenient), stamp);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Rent(CsvStamp stamp, string displayName) =>
        stamp.Length <= Array.MaxLength
            ? ArrayPool<byte>.Shared.Rent((int)stamp.Length)
            : throw new CsvFormatException(displayName, null, string.Create(CultureInfo.InvariantCulture, $"the file is too large to load ({stamp.Length} bytes)"));
}
