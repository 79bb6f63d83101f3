using System.Text;

namespace ClaudBot.Hosting;

/// <summary>
/// Creates the program's state (audit log, pid files, settings, known_hosts, bar cache, results, the
/// queue server's folder) owner-only on Unix: files 0600, folders 0700. The audit log and results say who
/// asked for what; other users of the machine have no business reading them. A folder is made private
/// even when it already exists, so files that another program creates inside it (logs, the embedded
/// server's checkpoints) cannot be reached by other users either. On Windows the defaults (the user's
/// profile ACLs) apply.
/// </summary>
public static class PrivateFiles
{
    /// <summary>Read and write for the owner only.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>List, enter and write for the owner only.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode OthersBits = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="path"/> (and missing parents) owner-only, or takes group and other access away from an existing one.</summary>
    public static DirectoryInfo CreateDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        // Directory.CreateDirectory gives the mode to the last folder only: new parents (the home's claudbot/) are made one by one.
        var missing = new Stack<string>();
        for (string? level = Path.GetFullPath(path); level is not null && !Directory.Exists(level); level = Path.GetDirectoryName(level))
        {
            missing.Push(level);
        }

        while (missing.Count > 0)
        {
            Directory.CreateDirectory(missing.Pop(), DirectoryMode);
        }

        var folder = new DirectoryInfo(path);
        if ((folder.UnixFileMode & OthersBits) != 0)
        {
            folder.UnixFileMode &= ~OthersBits;
        }

        return folder;
    }

    /// <summary>Opens <paramref name="path"/> as a <see cref="FileStream"/>; a file it creates is owner-only, and an existing one is made so.</summary>
    public static FileStream Open(string path, FileMode mode, FileAccess access = FileAccess.Write, FileShare share = FileShare.None, int bufferSize = 4096, FileOptions options = FileOptions.None, long preallocationSize = 0)
    {
        var settings = new FileStreamOptions
        {
            Mode = mode,
            Access = access,
            Share = share,
            BufferSize = bufferSize,
            Options = options,
            PreallocationSize = preallocationSize,
        };
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, settings);
        }

        if (mode != System.IO.FileMode.Open && access != FileAccess.Read)
        {
            settings.UnixCreateMode = FileMode;
        }

        var stream = new FileStream(path, settings);
        var current = File.GetUnixFileMode(stream.SafeFileHandle);
        if ((current & OthersBits) != 0 && access != FileAccess.Read)
        {
            // A file from before this rule (or from a looser umask): tightened on its next write.
            File.SetUnixFileMode(stream.SafeFileHandle, current & ~OthersBits);
        }

        return stream;
    }

    /// <summary>Writes <paramref name="text"/> to a new or truncated owner-only file.</summary>
    public static void WriteAllText(string path, string text)
    {
        using var stream = Open(path, System.IO.FileMode.Create);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Writes each line and a newline to a new or truncated owner-only file.</summary>
    public static void WriteAllLines(string path, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = Open(path, System.IO.FileMode.Create);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        foreach (string line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    /// <summary>Writes <paramref name="content"/> to a new or truncated owner-only file.</summary>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var stream = Open(path, System.IO.FileMode.Create, options: FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }
    }
}
