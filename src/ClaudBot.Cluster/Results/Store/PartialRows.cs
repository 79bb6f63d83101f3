using Microsoft.Win32.SafeHandles;
using ClaudBot.Hosting;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// A job's rows file while its chunks land (<see cref="RowsFile"/>'s layout, sized for every task from the start): each
/// chunk's rows are written at their tasks' place, in whatever order chunks finish, so writing one again writes the
/// same bytes (a driver that died between writing and recording it files it again, harmlessly). Renamed into place
/// as the job's <c>.rows</c> once every task is in.
/// </summary>
internal sealed class PartialRows : IDisposable
{
    private readonly SafeFileHandle _handle;

    private PartialRows(string path, SafeFileHandle handle, long rowsOffset, IReadOnlyList<ParameterSet> parameterSets)
    {
        Path = path;
        _handle = handle;
        RowsOffset = rowsOffset;
        ParameterSets = parameterSets;
    }

    public string Path { get; }

    public IReadOnlyList<ParameterSet> ParameterSets { get; }

    /// <summary>Where task 0's row starts.</summary>
    public long RowsOffset { get; }

    /// <summary>The partial rows file of a results file.</summary>
    public static string PathFor(string resultsFile) => RowsFile.PathFor(resultsFile) + ".partial";

    /// <summary>Creates the file at <paramref name="path"/> (replacing any) with its header, parameter sets and room for every row.</summary>
    public static async Task<PartialRows> CreateAsync(string path, long tasks, IReadOnlyList<ParameterSet> parameterSets, CancellationToken cancellationToken)
    {
        long offset;
        await using (var file = PrivateFiles.Open(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await RowsFile.WriteHeaderAsync(file, tasks, parameterSets, cancellationToken).ConfigureAwait(false);
            offset = file.Position;
            file.SetLength(offset + (tasks * StoredRow.Size));
        }

        return new PartialRows(path, File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, FileOptions.Asynchronous), offset, parameterSets);
    }

    /// <summary>Opens a partial file a driver left (it restarted), checking it is sized for <paramref name="tasks"/>; null when there is none or it is not whole.</summary>
    public static async Task<PartialRows?> OpenAsync(string path, long tasks, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        long offset;
        ParameterSet[] sets;
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.Asynchronous);
            (long rows, sets) = await RowsFile.ReadHeaderAsync(file, cancellationToken).ConfigureAwait(false);
            offset = file.Position;
            if (rows != tasks || file.Length != offset + (tasks * StoredRow.Size))
            {
                return null;
            }
        }
        catch (InvalidDataException)
        {
            // Cut off while its header was written: it is made again.
            return null;
        }

        return new PartialRows(path, File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, FileOptions.Asynchronous), offset, sets);
    }

    /// <summary>Writes rows (whole records) for the tasks from <paramref name="firstTask"/> on.</summary>
    public ValueTask WriteAsync(long firstTask, ReadOnlyMemory<byte> rows, CancellationToken cancellationToken) =>
        RandomAccess.WriteAsync(_handle, rows, RowsOffset + (firstTask * StoredRow.Size), cancellationToken);

    /// <summary>Reads the rows of the tasks from <paramref name="firstTask"/> on into <paramref name="rows"/>.</summary>
    public async ValueTask ReadAsync(long firstTask, Memory<byte> rows, CancellationToken cancellationToken)
    {
        long at = RowsOffset + (firstTask * StoredRow.Size);
        while (!rows.IsEmpty)
        {
            int read = await RandomAccess.ReadAsync(_handle, rows, at, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new InvalidDataException($"{Path} ends before task {firstTask}'s rows");
            }

            rows = rows[read..];
            at += read;
        }
    }

    /// <summary>On disk before what was written is recorded anywhere as filed.</summary>
    public void FlushToDisk() => RandomAccess.FlushToDisk(_handle);

    /// <summary>Flushes and closes the file and renames it to <paramref name="rowsPath"/>.</summary>
    public void Complete(string rowsPath)
    {
        FlushToDisk();
        _handle.Dispose();
        File.Move(Path, rowsPath, overwrite: true);
    }

    public void Dispose() => _handle.Dispose();
}
