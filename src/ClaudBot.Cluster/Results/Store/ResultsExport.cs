using System.IO.Pipelines;
using System.Text.Json;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// A job's results as one JSON document, made on demand from its <c>job_&lt;id&gt;.json</c> and <c>.rows</c>: the
/// JSON file's properties (spec, notes, counts, timings, summary) and then <c>results</c>, one element per task in task
/// order, each as <see cref="StoredRowJson"/> writes it (the layout README's "Results files" documents). Streamed: a
/// million results are never held, in JSON or as rows. A results file written before rows files (its results inline)
/// is copied as it is.
/// </summary>
public static class ResultsExport
{
    private const int RowsPerRead = 1024;
    private const int FlushBytes = 1 << 16;

    /// <summary>The export of the results file at <paramref name="resultsFile"/>, written to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(string resultsFile, Stream output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resultsFile);
        await using var header = File.OpenRead(resultsFile);
        string rowsPath = RowsFile.PathFor(resultsFile);
        if (!File.Exists(rowsPath))
        {
            await header.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var rows = new FileStream(rowsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await WriteAsync(header, rows, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The export of a results file and its rows file, read front to back (over SFTP as well as from disk).</summary>
    /// <exception cref="InvalidDataException">Either file is not as the node writes it.</exception>
    public static async Task WriteAsync(Stream header, Stream rows, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        using var head = await JsonDocument.ParseAsync(header, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = head.RootElement;
        if (!root.TryGetProperty("store", out var store) || !store.TryGetProperty("symbols", out var symbolList))
        {
            throw new InvalidDataException("the results file names no store of rows");
        }

        string[] symbols = [.. symbolList.EnumerateArray().Select(s => s.GetString() ?? string.Empty)];
        string? marketIndex = store.TryGetProperty("market_index", out var index) ? index.GetString() : null;
        string[] errors = store.TryGetProperty("errors", out var errorList) ? [.. errorList.EnumerateArray().Select(e => e.GetString() ?? string.Empty)] : [];
        var (count, parameterSets) = await RowsFile.ReadHeaderAsync(rows, cancellationToken).ConfigureAwait(false);
        if (count != (long)parameterSets.Length * symbols.Length)
        {
            throw new InvalidDataException($"the rows file holds {count} rows, not its {parameterSets.Length} parameter sets times {symbols.Length} symbols");
        }

        await using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        foreach (var property in root.EnumerateObject())
        {
            if (!property.NameEquals("store"))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteStartArray("results");
        byte[] buffer = new byte[RowsPerRead * StoredRow.Size];
        for (long task = 0; task < count;)
        {
            int batch = (int)Math.Min(RowsPerRead, count - task);
            await RowsFile.ReadExactlyAsync(rows, buffer.AsMemory(0, batch * StoredRow.Size), "the rows", cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < batch; i++, task++)
            {
                var row = StoredRow.Read(buffer.AsSpan(i * StoredRow.Size, StoredRow.Size));
                StoredRowJson.Write(writer, task, row, parameterSets[task % parameterSets.Length], symbols[task / parameterSets.Length], marketIndex, errors);
                if (writer.BytesPending > FlushBytes)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The export as a stream to read, written by a task as it is read (a pipe, so nothing is held): a failure while
    /// writing reaches the reader as that exception, never as a quietly truncated document.
    /// </summary>
    public static Stream Open(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pipe = new Pipe();

        // A reader that stops early (a summary that has what it needs, a client gone) stops the writer too.
        var abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = Task.Run(async () =>
        {
            try
            {
                await write(pipe.Writer.AsStream(leaveOpen: true), abandoned.Token).ConfigureAwait(false);
                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                await pipe.Writer.CompleteAsync(error).ConfigureAwait(false);
            }
        }, CancellationToken.None);
        return new ReaderStream(pipe.Reader.AsStream(), abandoned);
    }

    /// <summary>The export of the results file at <paramref name="resultsFile"/> as a stream to read.</summary>
    public static Stream Open(string resultsFile, CancellationToken cancellationToken) =>
        Open((output, ct) => WriteAsync(resultsFile, output, ct), cancellationToken);

    /// <summary>The pipe's reading end, which cancels the writer when it is disposed.</summary>
    private sealed class ReaderStream(Stream inner, CancellationTokenSource abandoned) : Stream
    {
        private int _disposed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // Stream's DisposeAsync ends here too, and a stream may be disposed more than once.
        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                abandoned.Cancel();
                abandoned.Dispose();
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
