using System.Diagnostics;

namespace ClaudBot.Cluster.Tests.Support;

/// <summary>
/// A small tmpfs mounted on a folder (the tests run as root), that a test fills to the last byte and frees again.
/// Unmounted on dispose.
/// </summary>
internal sealed class FullDisk : IDisposable
{
    private readonly string _filler;

    private FullDisk(string mountPoint)
    {
        MountPoint = mountPoint;
        _filler = Path.Combine(mountPoint, "filler.bin");
    }

    public string MountPoint { get; }

    public static FullDisk Mount(string folder, int megabytes)
    {
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder);
        return new FullDisk(folder);
    }

    /// <summary>Writes until the disk refuses another byte.</summary>
    public void Fill()
    {
        var block = new byte[64 * 1024];
        using var file = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // Full.
        }

        for (int size = block.Length / 2; size > 0; size /= 2)
        {
            try
            {
                file.Write(block.AsSpan(0, size));
            }
            catch (IOException)
            {
                // Not even this much: try less.
            }
        }
    }

    public void Free() => File.Delete(_filler);

    public void Dispose() => Run("umount", "-l", MountPoint);

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, UseShellExecute = false })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }
    }
}
