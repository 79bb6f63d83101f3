namespace ClaudBot.MarketData.Csv;

/// <summary>
/// The date of a CSV file's last good row, read from its first and last few kilobytes only: periods such as
/// <c>ytd</c> need the data's last day for every phrase typed, and parsing every file for that would cost
/// a full load of the data. Rows are in date order (the parser rejects any other), so the last good row is
/// the newest; a bad last row (which a lenient load skips) is passed over for the one before it.
/// </summary>
internal static class CsvLastDay
{
    // A header or a row is well under 1 KB; the tail holds many rows, so a few bad ones at the end still leave one.
    private const int ChunkBytes = 8 * 1024;

    /// <summary>The last good row's date, or null when none can be read (no header, no good row in the tail, an I/O error).</summary>
    public static DateOnly? TryRead(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            long length = RandomAccess.GetLength(handle);
            var head = new byte[(int)Math.Min(length, ChunkBytes)];
            int headRead = RandomAccess.Read(handle, head, 0);
            if (HeaderOf(head.AsSpan(0, headRead)) is not { } header)
            {
                return null;
            }

            long tailStart = Math.Max(0, length - ChunkBytes);
            var tail = new byte[(int)(length - tailStart)];
            int tailRead = RandomAccess.Read(handle, tail, tailStart);
            return LastDay(tail.AsSpan(0, tailRead), header, cutFirstLine: tailStart > 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static CsvHeader? HeaderOf(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        while (!head.IsEmpty)
        {
            int newline = head.IndexOf((byte)'\n');
            if (newline < 0)
            {
                // The first line does not fit in the chunk: not a file the loader would accept either.
                return null;
            }

            var line = head[..newline].TrimEnd((byte)'\r');
            head = head[(newline + 1)..];
            if (!CsvText.IsBlank(line))
            {
                try
                {
                    return CsvHeader.Parse(line, string.Empty, 1);
                }
                catch (CsvFormatException)
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static DateOnly? LastDay(ReadOnlySpan<byte> tail, CsvHeader header, bool cutFirstLine)
    {
        if (cutFirstLine)
        {
            // The chunk most likely starts inside a row; that fragment must not pass for a row.
            int newline = tail.IndexOf((byte)'\n');
            tail = newline < 0 ? default : tail[(newline + 1)..];
        }

        while (!tail.IsEmpty)
        {
            int newline = tail.TrimEnd("\r\n"u8).LastIndexOf((byte)'\n');
            var line = tail[(newline + 1)..].TrimEnd("\r\n"u8);
            tail = newline < 0 ? default : tail[..newline];
            if (!CsvText.IsBlank(line) && CsvRowParser.TryParse(line, header, out var row) is null)
            {
                return DateOnly.FromDayNumber(row.Day);
            }
        }

        return null;
    }
}
