using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// A chunk's results as a worker stores them in the queue: its tasks' <see cref="StoredRow"/>s in task order, the
/// distinct errors its failed tasks name, and the market index the comparisons are against. About 58 KB for 300
/// backtests where their JSON was 270 KB (and 1.3 MB with trades), so the queue server's commit of a chunk no longer
/// grows with trades. Layout: <c>CBR1</c>, rows (int32), errors (int32), the first task's index in the job (int64), market
/// index (string), the rows, the errors;
/// a string is an int32 byte count (-1 for none) and its UTF-8.
/// </summary>
internal sealed class ChunkRows
{
    private static readonly byte[] Magic = "CBR1"u8.ToArray();

    private ChunkRows(int count, long firstTask, string? marketIndex, ReadOnlyMemory<byte> rows, IReadOnlyList<string> errors)
    {
        Count = count;
        FirstTask = firstTask;
        MarketIndex = marketIndex;
        Rows = rows;
        Errors = errors;
    }

    public int Count { get; }

    /// <summary>The job's task the first row is, so the rows land at their place in the job's rows file whatever order chunks finish in.</summary>
    public long FirstTask { get; }

    public string? MarketIndex { get; }

    /// <summary><see cref="Count"/> records of <see cref="StoredRow.Size"/> bytes.</summary>
    public ReadOnlyMemory<byte> Rows { get; }

    /// <summary>A failed row's <see cref="StoredRow.TradesOrError"/> indexes this list.</summary>
    public IReadOnlyList<string> Errors { get; }

    public StoredRow Row(int i) => StoredRow.Read(Rows.Span.Slice(i * StoredRow.Size, StoredRow.Size));

    /// <summary>Whether <paramref name="stored"/> starts as this format does (a chunk stored by an older worker was JSON).</summary>
    public static bool IsChunkRows(ReadOnlySpan<byte> stored) => stored.StartsWith(Magic);

    /// <exception cref="InvalidDataException">The bytes are not a whole chunk of rows.</exception>
    public static ChunkRows Read(ReadOnlyMemory<byte> stored)
    {
        var span = stored.Span;
        if (!IsChunkRows(span) || span.Length < 20)
        {
            throw new InvalidDataException("a chunk's stored results do not start as this build writes them");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        int errorCount = BinaryPrimitives.ReadInt32LittleEndian(span[8..]);
        long firstTask = BinaryPrimitives.ReadInt64LittleEndian(span[12..]);
        int at = 20;
        string? marketIndex = ReadString(span, ref at);
        if (count < 0 || errorCount < 0 || firstTask < 0 || (long)count * StoredRow.Size > span.Length - at)
        {
            throw new InvalidDataException($"a chunk's stored results claim {count} rows in {span.Length} bytes");
        }

        var rows = stored.Slice(at, count * StoredRow.Size);
        at += count * StoredRow.Size;

        // Each error takes at least its 4-byte length: a count the bytes cannot hold is refused before anything is allocated.
        if (errorCount > (span.Length - at) / 4)
        {
            throw new InvalidDataException($"a chunk's stored results claim {errorCount} errors in their last {span.Length - at} bytes");
        }

        var errors = new string[errorCount];
        for (int i = 0; i < errorCount; i++)
        {
            errors[i] = ReadString(span, ref at) ?? string.Empty;
        }

        return new ChunkRows(count, firstTask, marketIndex, rows, errors);
    }

    private static string? ReadString(ReadOnlySpan<byte> span, ref int at)
    {
        if (span.Length - at < 4)
        {
            throw new InvalidDataException("a chunk's stored results end inside a string");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += 4;
        if (length == -1)
        {
            return null;
        }

        if (length < 0 || length > span.Length - at)
        {
            throw new InvalidDataException($"a chunk's stored results have a string of {length} bytes past their end");
        }

        string text = Encoding.UTF8.GetString(span.Slice(at, length));
        at += length;
        return text;
    }

    /// <summary>Builds a chunk's rows as its tasks run, in task order.</summary>
    internal sealed class Builder(long firstTask, int capacity, string? marketIndex)
    {
        private readonly ArrayBufferWriter<byte> _rows = new(Math.Max(1, capacity) * StoredRow.Size);
        private readonly List<string> _errors = [];
        private readonly Dictionary<string, int> _errorNumbers = new(StringComparer.Ordinal);

        public int Count { get; private set; }

        public void Add(in StoredRow row)
        {
            row.WriteTo(_rows.GetSpan(StoredRow.Size));
            _rows.Advance(StoredRow.Size);
            Count++;
        }

        /// <summary>A failed task; the chunk's tasks mostly fail for one reason, so each distinct error is kept once.</summary>
        public void AddFailure(string error)
        {
            if (!_errorNumbers.TryGetValue(error, out int number))
            {
                number = _errors.Count;
                _errors.Add(error);
                _errorNumbers.Add(error, number);
            }

            Add(StoredRow.Failure(number));
        }

        public byte[] ToArray()
        {
            var output = new ArrayBufferWriter<byte>(16 + _rows.WrittenCount + 256);
            output.Write(Magic);
            WriteInt(output, Count);
            WriteInt(output, _errors.Count);
            BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), firstTask);
            output.Advance(8);
            WriteString(output, marketIndex);
            output.Write(_rows.WrittenSpan);
            foreach (string error in _errors)
            {
                WriteString(output, error);
            }

            return output.WrittenSpan.ToArray();
        }

        private static void WriteInt(ArrayBufferWriter<byte> output, int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
            output.Advance(4);
        }

        private static void WriteString(ArrayBufferWriter<byte> output, string? text)
        {
            if (text is null)
            {
                WriteInt(output, -1);
                return;
            }

            int length = Encoding.UTF8.GetByteCount(text);
            WriteInt(output, length);
            output.Advance(Encoding.UTF8.GetBytes(text, output.GetSpan(length)));
        }
    }
}
