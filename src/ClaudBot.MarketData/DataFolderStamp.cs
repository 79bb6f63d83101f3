namespace ClaudBot.MarketData;

/// <summary>
/// When the user's data folder last changed: its own write time (the store renames every file into place, so an
/// import, an update or a push moves it) and its <c>actions.csv</c>'s (appended in place). Equal stamps mean the same
/// symbols and files; the bundled folder is never edited, so it is not part of the stamp.
/// </summary>
internal readonly record struct DataFolderStamp(long FolderTicks, long ActionsTicks, long ActionsLength)
{
    public static DataFolderStamp Of(string? userDirectory)
    {
        if (userDirectory is null)
        {
            return default;
        }

        var folder = new DirectoryInfo(userDirectory);
        var actions = new FileInfo(Path.Combine(userDirectory, Actions.ActionsFile.FileName));
        return new DataFolderStamp(
            folder.Exists ? folder.LastWriteTimeUtc.Ticks : 0,
            actions.Exists ? actions.LastWriteTimeUtc.Ticks : 0,
            actions.Exists ? actions.Length : 0);
    }

    /// <summary>One number for <see cref="IMarketData.Version"/>: 0 for no folder, the same for the same stamp in any process.</summary>
    public long Version => unchecked((((FolderTicks * 1_000_003) + ActionsTicks) * 31) + ActionsLength);
}
