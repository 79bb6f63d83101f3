using System.Globalization;
using ClaudBot.Hosting;

namespace ClaudBot.Bot.Audit;

/// <summary>
/// A file of lines that rolls over at a size cap: before a line would take it past <c>maxBytes</c>, the file is
/// renamed to <c>&lt;name&gt;.&lt;UTC time&gt;.&lt;ext&gt;</c> (<c>audit.20261205T073000123Z.jsonl</c>) and a new one
/// begins; the newest <c>keep</c> rolled files are kept. Several processes may append to one file (the chat, the
/// Telegram bot, one-shot commands): each line is one append to the file as it is named now, and a roll is one
/// rename to a name no other roll takes, so two processes rolling at once lose nothing (the later one at worst
/// rolls a short file).
/// </summary>
public sealed class RollingLineFile(string path, long maxBytes, int keep, TimeProvider time)
{
    private const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    public string Path => path;

    /// <summary>Appends <paramref name="line"/> (with its newline), rolling the file first if it would pass the cap.</summary>
    public async Task AppendAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        var current = new FileInfo(path);
        if (current.Exists && current.Length > 0 && current.Length + line.Length > maxBytes)
        {
            Roll();
        }
        else if (!current.Exists)
        {
            PrivateFiles.CreateDirectory(current.DirectoryName!);
        }

        await using var file = PrivateFiles.Open(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
        await file.WriteAsync(line, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rolled files, oldest first (the live file not included).</summary>
    public IReadOnlyList<string> RolledFiles()
    {
        string folder = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return [];
        }

        string stem = System.IO.Path.GetFileNameWithoutExtension(path) + ".";
        string extension = System.IO.Path.GetExtension(path);
        return [.. Directory.EnumerateFiles(folder, stem + "*" + extension)
            .Select(file => (File: file, Order: RollOrder(System.IO.Path.GetFileName(file)[stem.Length..^extension.Length])))
            .Where(rolled => rolled.Order is not null)
            .OrderBy(rolled => rolled.Order)
            .Select(rolled => rolled.File)];
    }

    private void Roll()
    {
        string stamp = time.GetUtcNow().ToString(StampFormat, CultureInfo.InvariantCulture);
        for (int attempt = 0; ; attempt++)
        {
            string target = RolledName(attempt == 0 ? stamp : string.Create(CultureInfo.InvariantCulture, $"{stamp}-{attempt}"));
            try
            {
                File.Move(path, target, overwrite: false);
                break;
            }
            catch (FileNotFoundException)
            {
                // Another process rolled it a moment ago.
                return;
            }
            catch (IOException) when (File.Exists(target) && attempt < 100)
            {
                // A roll in the same millisecond (another process, or a fake clock): take the next name.
            }
        }

        var rolled = RolledFiles();
        foreach (string old in rolled.Take(Math.Max(0, rolled.Count - keep)))
        {
            File.Delete(old);
        }
    }

    private string RolledName(string middle) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, $"{System.IO.Path.GetFileNameWithoutExtension(path)}.{middle}{System.IO.Path.GetExtension(path)}");

    /// <summary>Sorts rolled names by time, then by the number a same-millisecond roll adds; null for other files.</summary>
    private static (DateTime Time, int Sequence)? RollOrder(string middle)
    {
        int dash = middle.IndexOf('-', StringComparison.Ordinal);
        string stamp = dash < 0 ? middle : middle[..dash];
        int sequence = 0;
        bool valid = DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at)
            && (dash < 0 || int.TryParse(middle.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence));
        return valid ? (at, sequence) : null;
    }
}
