using System.Buffers.Binary;
using System.Text;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// A finished job's results on disk, <c>results/job_&lt;id&gt;.rows</c>, beside its <c>job_&lt;id&gt;.json</c> (which
/// holds the spec, the summary and the names the rows refer to: symbols, market index, errors). Layout, little-endian:
/// the 16 bytes <c>CLAUDBOT-ROWS-01</c>; the row count (int64), the parameter set count P (int32) and the row size
/// (int32); P parameter sets (three strings each: the task's text, <c>strategy</c>, the <c>params</c> JSON; a string is
/// an int32 byte count and its UTF-8); then one <see cref="StoredRow"/> per task in task order. Task N runs parameter set
/// N mod P in lane N / P: symbol N / P, or for a walk-forward of W windows symbol (N / P) / W in window (N / P) mod W.
/// Read front to back, so it streams over SFTP as well as from a local disk.
/// </summary>
internal static class RowsFile
{
    public const int HeaderSize = 32;

    private static readonly byte[] Magic = "CLAUDBOT-ROWS-01"u8.ToArray();

    /// <summary>The rows file of a results file (<c>job_&lt;id&gt;.json</c>).</summary>
    public static string PathFor(string resultsFile) => Path.ChangeExtension(resultsFile, ".rows");

    public static async Task WriteHeaderAsync(Stream output, long rows, IReadOnlyList<ParameterSet> parameterSets, CancellationToken cancellationToken)
    {
        byte[] header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), rows);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), parameterSets.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), StoredRow.Size);
        await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        using var table = new MemoryStream();
        foreach (var set in parameterSets)
        {
            WriteString(table, Encoding.UTF8.GetBytes(set.Text));
            WriteString(table, set.Strategy);
            WriteString(table, set.ParamsJson);
            if (table.Length > 1 << 20)
            {
                await output.WriteAsync(table.GetBuffer().AsMemory(0, (int)table.Length), cancellationToken).ConfigureAwait(false);
                table.SetLength(0);
            }
        }

        await output.WriteAsync(table.GetBuffer().AsMemory(0, (int)table.Length), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the header and the parameter sets, leaving <paramref name="input"/> on the first row.</summary>
    /// <exception cref="InvalidDataException">The file is not a rows file this build writes, or ends early.</exception>
    public static async Task<(long Rows, ParameterSet[] ParameterSets)> ReadHeaderAsync(Stream input, CancellationToken cancellationToken)
    {
        byte[] header = new byte[HeaderSize];
        await ReadExactlyAsync(input, header, "its header", cancellationToken).ConfigureAwait(false);
        if (!header.AsSpan(0, 16).SequenceEqual(Magic) || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(28)) != StoredRow.Size)
        {
            throw new InvalidDataException("it is not a results rows file this build writes (CLAUDBOT-ROWS-01, 192-byte rows)");
        }

        long rows = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(16));
        int count = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(24));
        if (rows < 0 || count < 0 || (count == 0 && rows > 0))
        {
            throw new InvalidDataException($"its header claims {rows} rows of {count} parameter sets");
        }

        var sets = new ParameterSet[count];
        for (int i = 0; i < count; i++)
        {
            string text = Encoding.UTF8.GetString(await ReadStringAsync(input, cancellationToken).ConfigureAwait(false));
            sets[i] = new ParameterSet(text, await ReadStringAsync(input, cancellationToken).ConfigureAwait(false), await ReadStringAsync(input, cancellationToken).ConfigureAwait(false));
        }

        return (rows, sets);
    }

    public static async Task ReadExactlyAsync(Stream input, Memory<byte> buffer, string what, CancellationToken cancellationToken)
    {
        try
        {
            await input.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"it ends inside {what}: it is truncated");
        }
    }

    private static void WriteString(Stream output, byte[] utf8)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, utf8.Length);
        output.Write(length);
        output.Write(utf8);
    }

    private static async Task<byte[]> ReadStringAsync(Stream input, CancellationToken cancellationToken)
    {
        byte[] length = new byte[4];
        await ReadExactlyAsync(input, length, "the parameter sets", cancellationToken).ConfigureAwait(false);
        int count = BinaryPrimitives.ReadInt32LittleEndian(length);
        if (count is < 0 or > 1 << 20)
        {
            throw new InvalidDataException($"a parameter set's text claims {count} bytes");
        }

        byte[] text = new byte[count];
        await ReadExactlyAsync(input, text, "the parameter sets", cancellationToken).ConfigureAwait(false);
        return text;
    }
}
