using System.Globalization;

namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary>
/// The client's program files into ~/REMOTE-DIR/telegram, only those whose SHA-256 differs, then <c>claudbot --version</c>
/// there to prove it runs. Its own copy of the node (node/) stays behind: the bot uses the server's node.
/// </summary>
public sealed class BotFilesStep : ISetupStep
{
    private static readonly string[] NotProgram = ["node/", "data/", "run/", "logs/"];

    public string Name => "Bot files";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string folder = BotPaths.Folder(context.Options);
        var items = SyncItem.From(context.BotDirectory!, string.Empty, IsProgramFile).ToList();
        var sync = await RemoteSync.RunAsync(context, items, folder, cancellationToken);
        context.BotChanged |= sync.ChangedAnything;

        var version = await context.Server.RunAsync(BotCommands.Version(context.Options), cancellationToken);
        if (version.ExitCode != 0)
        {
            throw new SetupException($"claudbot was uploaded but does not run on the server (exit {version.ExitCode}): {(version.Error + version.Output).Trim()}");
        }

        string running = "claudbot " + version.Output.Trim();
        return sync.ChangedAnything
            ? StepReport.Done(Name, string.Create(CultureInfo.InvariantCulture, $"uploaded {sync.Uploaded.Count} of {sync.Files} files ({sync.Bytes / 1048576.0:0.0} MB) to ~/{folder}; {running} runs there"))
            : StepReport.Already(Name, $"all {sync.Files} files in ~/{folder} are up to date; {running} runs there");
    }

    private static bool IsProgramFile(string relative) =>
        relative != "appsettings.json"
        && !NotProgram.Any(folder => relative.StartsWith(folder, StringComparison.Ordinal))
        && !relative.Split('/').Any(part => part.StartsWith('.'));
}
