using Microsoft.Extensions.Logging;

namespace ClaudBot.MarketData.Actions;

/// <summary>
/// The actions of a store: <c>actions.csv</c> in the bundled data folder and in the user's, the user's line winning for
/// the same symbol, date and kind. Re-read when either file's length or write time changes, so an edited file adjusts
/// the next load. A bad line that names no readable symbol is logged (it applies to no load). Thread-safe.
/// </summary>
internal sealed class CorporateActions(string directory, string? userDirectory, ILogger logger)
{
    private readonly Lock _gate = new();
    private (FileStamp Bundled, FileStamp User) _stamps = (FileStamp.Unread, FileStamp.Unread);
    private ActionsTable _table = ActionsTable.Empty;

    private string BundledPath => Path.Combine(directory, ActionsFile.FileName);

    private string? UserPath => userDirectory is null ? null : Path.Combine(userDirectory, ActionsFile.FileName);

    /// <summary>The actions of <paramref name="symbol"/> (canonical).</summary>
    /// <exception cref="MarketDataException">A line for this symbol is bad; its message names file and line.</exception>
    public SymbolActions For(string symbol) => Current().For(symbol);

    private ActionsTable Current()
    {
        var stamps = (FileStamp.Of(BundledPath), UserPath is null ? FileStamp.Missing : FileStamp.Of(UserPath));
        lock (_gate)
        {
            if (stamps != _stamps)
            {
                var bundled = Load(BundledPath, DisplayName(directory), stamps.Item1);
                var user = UserPath is null ? ActionsFileContent.Empty : Load(UserPath, DisplayName(userDirectory!), stamps.Item2);
                _table = ActionsTable.Merge(bundled, user);
                _stamps = stamps;
                foreach (string orphan in _table.Orphans)
                {
                    Log.ActionsLineIgnored(logger, orphan);
                }
            }

            return _table;
        }
    }

    // Errors name the file as the user finds it: data/actions.csv, market/actions.csv.
    private static string DisplayName(string folder) => Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), ActionsFile.FileName);

    private static ActionsFileContent Load(string path, string displayName, FileStamp stamp)
    {
        if (stamp == FileStamp.Missing)
        {
            return ActionsFileContent.Empty;
        }

        try
        {
            return ActionsFile.Read(path, displayName);
        }
        catch (FileNotFoundException)
        {
            return ActionsFileContent.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Every symbol's numbers could depend on it: better no load than quietly unadjusted prices.
            return new ActionsFileContent([], [new ActionsProblem(ActionsTable.AnySymbol, $"{displayName} cannot be read: {e.Message}")]);
        }
    }

    /// <summary>Identifies one version of a file; <see cref="Missing"/> when there is none.</summary>
    private readonly record struct FileStamp(long Length, long LastWriteUtcTicks)
    {
        public static readonly FileStamp Missing = new(-1, 0);

        public static readonly FileStamp Unread = new(-2, 0);

        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : Missing;
        }
    }
}
