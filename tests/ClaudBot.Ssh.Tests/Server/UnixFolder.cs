namespace ClaudBot.Ssh.Tests.Server;

/// <summary>Folders with explicit Unix modes (the fixture needs root, Linux and its tools; it never runs on Windows).</summary>
internal static class UnixFolder
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode ReadableByAll =
        OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static void Create(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The SSH server fixture needs Linux (network namespaces, sshd, useradd).");
        }

        Directory.CreateDirectory(path, mode);
    }
}
