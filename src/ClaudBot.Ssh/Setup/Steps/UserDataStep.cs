using System.Globalization;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// This home's imported market data (<see cref="SetupOptions.UserDataDirectory"/>: the imported CSVs, <c>actions.csv</c>,
/// sources) into the server's home data folder, where the node reads it, so jobs run on the same bars there as here.
/// Only files whose SHA-256 differs are sent, each through a temporary name; the binary cache is the node's own and stays.
/// </summary>
public sealed class UserDataStep : ISetupStep
{
    /// <summary>
    /// The node's user data folder relative to the server's home: its service runs with no <c>CLAUDBOT_HOME</c>, so its home
    /// is the XDG default and <c>MarketData:UserDirectory</c> is <c>~/.local/share/claudbot/market</c>.
    /// </summary>
    public const string ServerFolder = ".local/share/claudbot/market";

    public string Name => "Imported data";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = Items(context.Options.UserDataDirectory);
        if (items.Count == 0)
        {
            return StepReport.Already(Name, $"no imported data in {context.Options.UserDataDirectory}");
        }

        var sync = await RemoteSync.RunAsync(context, items, ServerFolder, cancellationToken);
        return sync.Uploaded.Count > 0
            ? StepReport.Done(Name, string.Create(CultureInfo.InvariantCulture, $"sent {sync.Uploaded.Count} of {sync.Files} files ({sync.Bytes / 1048576.0:0.0} MB) to ~/{ServerFolder}: {string.Join(", ", sync.Uploaded)}"))
            : StepReport.Already(Name, $"all {sync.Files} files in ~/{ServerFolder} are up to date");
    }

    /// <summary>The files to send: everything under <paramref name="folder"/> but hidden files and folders (the binary cache, partial downloads).</summary>
    public static IReadOnlyList<SyncItem> Items(string folder) =>
        Directory.Exists(folder) ? [.. SyncItem.From(folder, string.Empty, IsData).Select(i => i with { Executable = false })] : [];

    private static bool IsData(string relative) => !relative.Split('/').Any(part => part.StartsWith('.'));
}
