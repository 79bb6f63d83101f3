using System.Net;
using ClaudBot.Hosting;

namespace ClaudBot.Redis.Embedded;

/// <summary>
/// The embedded server's folder, held for the life of the server through an exclusive lock on its
/// <c>lock</c> file (two servers replaying and appending one AOF would corrupt it), and the
/// <c>endpoint</c> file through which other processes on the box find the server.
/// </summary>
internal sealed class EmbeddedFolder : IDisposable
{
    public const string EndpointFileName = "endpoint";
    private const string LockFileName = "lock";
    private readonly FileStream _lock;

    private EmbeddedFolder(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    public string Path { get; }

    public string EndpointFile => EndpointFilePath(Path);

    public static string EndpointFilePath(string directory) => System.IO.Path.Combine(directory, EndpointFileName);

    /// <summary>Creates the folder if needed and takes its lock; fails if another process holds it.</summary>
    public static EmbeddedFolder Acquire(string path)
    {
        PrivateFiles.CreateDirectory(path);
        try
        {
            // FileShare.None is an exclusive advisory lock on Linux; the kernel drops it when the process dies.
            var lockFile = PrivateFiles.Open(System.IO.Path.Combine(path, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new EmbeddedFolder(path, lockFile);
        }
        catch (IOException error)
        {
            throw new EmbeddedRedisException(
                $"The embedded Redis folder {path} is in use by another process (its lock file is held). " +
                "Stop that process, or set Redis:EmbeddedDirectory to another folder.",
                error);
        }
    }

    /// <summary>Reads the endpoint another process's server wrote, or null if there is none.</summary>
    public static string? ReadEndpoint(string directory)
    {
        try
        {
            string text = File.ReadAllText(EndpointFilePath(directory)).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes "127.0.0.1:port" through a temporary file, so a reader never sees half of it.</summary>
    public void WriteEndpoint(IPEndPoint endPoint)
    {
        string temporary = EndpointFile + ".tmp";
        PrivateFiles.WriteAllText(temporary, endPoint.ToString());
        File.Move(temporary, EndpointFile, overwrite: true);
    }

    public void DeleteEndpoint() => File.Delete(EndpointFile);

    public void Dispose() => _lock.Dispose();
}
