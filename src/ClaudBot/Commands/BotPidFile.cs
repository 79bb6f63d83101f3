using System.Globalization;
using ClaudBot.Hosting;

namespace ClaudBot.Commands;

/// <summary>
/// The bot's pid file (<c>claudbot telegram --pid-file PATH</c>), written once the host has started and removed when
/// it stops, so <c>claudbot setup --telegram</c> can tell whether the daemon runs. Kept apart from the node's run
/// folder, whose every pid file is a node process to 'stop cluster'.
/// </summary>
internal sealed class BotPidFile : IDisposable
{
    private readonly string? _path;

    private BotPidFile(string? path) => _path = path;

    public static BotPidFile Claim(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return new BotPidFile(null);
        }

        string full = Path.GetFullPath(path);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(full)!);
        PrivateFiles.WriteAllText(full, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new BotPidFile(full);
    }

    public void Dispose()
    {
        // Only our own: a newer bot may have claimed the file since.
        if (_path is not null && File.Exists(_path) && File.ReadAllText(_path).Trim() == Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            File.Delete(_path);
        }
    }
}
