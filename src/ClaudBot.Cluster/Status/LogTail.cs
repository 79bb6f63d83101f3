using System.Text;

namespace ClaudBot.Cluster.Status;

/// <summary>The last lines of a log, read backwards from the end so a large file costs only what is shown.</summary>
public static class LogTail
{
    private const int Block = 8192;

    /// <summary>Up to <paramref name="count"/> last lines of <paramref name="path"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> ReadLastLinesAsync(string path, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        // The node keeps writing while we read: share the file and read what is there now.
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: true);
        long end = file.Length;
        long start = end;
        int newlines = 0;
        byte[] buffer = new byte[Block];
        while (start > 0 && newlines <= count)
        {
            int size = (int)Math.Min(Block, start);
            start -= size;
            file.Position = start;
            await file.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
            newlines += buffer.AsSpan(0, size).Count((byte)'\n');
        }

        file.Position = start;
        byte[] tail = new byte[end - start];
        await file.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        var lines = Encoding.UTF8.GetString(tail).Split('\n');
        int last = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        return [.. lines.Take(last).Skip(Math.Max(0, last - count)).Select(l => l.TrimEnd('\r'))];
    }
}
