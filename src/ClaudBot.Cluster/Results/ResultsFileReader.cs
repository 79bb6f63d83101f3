using System.Buffers;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// Reads a results file (<c>results/job_&lt;id&gt;.json</c>, written by the driver) into a
/// <see cref="ResultsSummary"/> without holding the file in memory: a sweep's file is tens of megabytes (and files
/// written before results dropped their trades, over 100 MB, almost all trades, which are skipped). The file streams through one buffer that grows only when a
/// single value does not fit in it; what is kept is bounded by <c>top</c>, the symbols and
/// <see cref="FailuresKept"/>.
/// </summary>
public static class ResultsFileReader
{
    /// <summary>How many failed tasks a summary lists; <see cref="ResultsSummary.FailuresTotal"/> counts them all.</summary>
    public const int FailuresKept = 20;

    internal const int DefaultBufferSize = 64 * 1024;

    /// <summary>Largest single value (one result with its trades, or a header value) the buffer grows to hold.</summary>
    internal const int MaxValueBytes = 64 * 1024 * 1024;

    /// <summary>Reads the summary of the results file at <paramref name="path"/>.</summary>
    /// <param name="top">How many of the best results by Sharpe to keep (0 for none).</param>
    /// <exception cref="ResultsFileException">The file is not valid JSON, is truncated, or is not shaped as the cluster writes it.</exception>
    public static async Task<ResultsSummary> ReadSummaryAsync(string path, int top, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // No FileStream buffer: the reader's own buffer is the only one.
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
        try
        {
            return await ReadSummaryAsync(file, top, DefaultBufferSize, cancellationToken);
        }
        catch (ResultsFileException error)
        {
            throw new ResultsFileException($"{path}: {error.Message}", error.ByteOffset, error);
        }
    }

    /// <summary>Reads the summary of a results file from a stream of its UTF-8 bytes, to its end.</summary>
    /// <param name="top">How many of the best results by Sharpe to keep (0 for none).</param>
    /// <exception cref="ResultsFileException">The JSON is not valid, is truncated, or is not shaped as the cluster writes it.</exception>
    public static Task<ResultsSummary> ReadSummaryAsync(Stream utf8Json, int top, CancellationToken cancellationToken) =>
        ReadSummaryAsync(utf8Json, top, DefaultBufferSize, cancellationToken);

    /// <param name="bufferSize">The buffer's starting size; tests use 1 so that every value crosses refills.</param>
    internal static async Task<ResultsSummary> ReadSummaryAsync(Stream utf8Json, int top, int bufferSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        var parser = new ResultsFileParser(top);
        // The pool may hand out a larger array; only the first `capacity` bytes are used, so a small size stays small.
        int capacity = bufferSize;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
        int filled = 0;
        long length = 0;
        try
        {
            while (true)
            {
                if (filled == capacity)
                {
                    // Nothing could be consumed from a full buffer: one value is larger than it.
                    (buffer, capacity) = Grow(buffer, capacity, parser.Offset);
                }

                int read = await utf8Json.ReadAsync(buffer.AsMemory(filled, capacity - filled), cancellationToken);
                if (read == 0)
                {
                    return parser.Finish(length);
                }

                filled += read;
                length += read;
                int consumed = parser.Consume(buffer.AsSpan(0, filled));
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (byte[] Buffer, int Capacity) Grow(byte[] buffer, int capacity, long offset)
    {
        if (capacity >= MaxValueBytes)
        {
            throw new ResultsFileException($"The results file has a value over {MaxValueBytes / (1024 * 1024)} MB at byte {offset}; no result the cluster writes is that large.", offset);
        }

        int larger = (int)Math.Min(MaxValueBytes, Math.Max(capacity * 2L, 16));
        byte[] grown = ArrayPool<byte>.Shared.Rent(larger);
        buffer.AsSpan(0, capacity).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(buffer);
        return (grown, larger);
    }
}
