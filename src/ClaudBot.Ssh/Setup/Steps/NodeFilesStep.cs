using System.Globalization;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// The node's program files into ~/REMOTE-DIR, only those whose SHA-256 differs; then the uploaded program
/// is run once (<c>claudbot-node version</c>) to prove it starts there. Its settings and data have steps of their own;
/// folders the node writes (state, logs, results, run) are never touched.
/// </summary>
public sealed class NodeFilesStep : ISetupStep
{
    /// <summary>Top-level folders of a node folder that are not part of the program.</summary>
    private static readonly string[] NotProgram = ["data/", "state/", "logs/", "results/", "run/", "downloads/"];

    public string Name => "Node files";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = SyncItem.From(context.NodeDirectory!, string.Empty, IsProgramFile).ToList();
        var sync = await RemoteSync.RunAsync(context, items, cancellationToken);
        context.NodeChanged = sync.ChangedAnything;

        string folder = context.Options.RemoteDirectory;
        var version = await context.Server.RunAsync(SetupCommands.NodeVersion(folder), cancellationToken);
        if (version.ExitCode != 0)
        {
            throw new SetupException($"The node was uploaded but does not run on the server (exit {version.ExitCode}): {(version.Error + version.Output).Trim()}");
        }

        string running = version.Output.Trim();
        return sync.ChangedAnything
            ? StepReport.Done(Name, string.Create(CultureInfo.InvariantCulture, $"uploaded {sync.Uploaded.Count} of {sync.Files} files ({sync.Bytes / 1048576.0:0.0} MB) to ~/{folder}{(sync.ModesFixed > 0 ? $", made {sync.ModesFixed} executable" : string.Empty)}; {running} runs there"))
            : StepReport.Already(Name, $"all {sync.Files} files in ~/{folder} are up to date; {running} runs there");
    }

    private static bool IsProgramFile(string relative) =>
        relative != "appsettings.json"
        && !NotProgram.Any(folder => relative.StartsWith(folder, StringComparison.Ordinal))
        && !relative.Split('/').Any(part => part.StartsWith('.'));
}
