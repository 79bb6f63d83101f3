namespace ClaudBot.Testing;

/// <summary>The Unix modes the owner-only state tests expect: 0600 for a file, 0700 for a folder.</summary>
public static class OwnerOnlyModes
{
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode Folder = File | UnixFileMode.UserExecute;
}
