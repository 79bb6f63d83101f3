using System.Globalization;
using ClaudBot.Ssh.Setup.Steps;
using ClaudBot.Ssh.Setup.Telegram;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// <c>claudbot setup</c>: the manual guide as steps, each checking what exists before changing anything, so a
/// second run changes nothing and a failed run continues where it stopped. Stops at the first failed step.
/// </summary>
public sealed class SetupRunner(SetupOptions options, ISetupConsole console, IPasswordSource passwords, TimeProvider time)
{
    /// <summary>
    /// The way in every kind of setup starts with: key pair, host key (checked before a password is ever sent), key login,
    /// and the server's facts.
    /// </summary>
    private static readonly ISetupStep[] WayIn = [new KeyPairStep(), new HostKeyStep(), new KeyLoginStep(), new ServerCheckStep()];

    /// <summary>The node's program and data, as a server and a worker box both get them.</summary>
    private static readonly ISetupStep[] NodeAndData = [new NodeBuildStep(), new NodeFilesStep(), new DataFilesStep(), new UserDataStep()];

    /// <summary>The server's steps in order.</summary>
    public static IReadOnlyList<ISetupStep> Steps { get; } =
        [.. WayIn, .. NodeAndData, new RedisStep(), new NodeSettingsStep(), new ServiceStep(), new ClientSettingsStep()];

    /// <summary><c>setup --telegram</c>: the same way in, then the bot service.</summary>
    public static IReadOnlyList<ISetupStep> TelegramSteps { get; } =
        [.. WayIn, new BotBuildStep(), new BotFilesStep(), new BotTokenStep(), new BotSettingsStep(), new BotServiceStep()];

    /// <summary><c>setup --telegram --remove</c>.</summary>
    public static IReadOnlyList<ISetupStep> TelegramRemoveSteps { get; } = [.. WayIn, new BotRemoveStep()];

    /// <summary>
    /// <c>setup --worker</c>: the server's steps up to the data, then the box's own key and its access to the server's
    /// queue, its settings and service as a worker box, and the box in the client's settings. No Redis on a box.
    /// </summary>
    public static IReadOnlyList<ISetupStep> WorkerBoxSteps { get; } =
        [.. WayIn, .. NodeAndData, new BoxKeyStep(), new QueueAccessStep(), new NodeSettingsStep(), new ServiceStep(), new WorkerSettingsStep()];

    private IReadOnlyList<ISetupStep> Chosen => options switch
    {
        { IsWorkerBox: true } => WorkerBoxSteps,
        { Telegram: null } => Steps,
        { Telegram.Remove: true } => TelegramRemoveSteps,
        _ => TelegramSteps,
    };

    public async Task<SetupResult> RunAsync(CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        var context = new SetupContext(options, console, passwords);
        var reports = new List<StepReport>();
        try
        {
            foreach (var step in Chosen)
            {
                StepReport report;
                try
                {
                    report = await step.RunAsync(context, cancellationToken);
                }
                catch (SetupException failure)
                {
                    report = new StepReport(step.Name, StepOutcome.Failed, failure.Message);
                }
                catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or Renci.SshNet.Common.SshException or System.Net.Sockets.SocketException)
                {
                    report = new StepReport(step.Name, StepOutcome.Failed, failure.Message);
                }

                reports.Add(report);
                console.Report(report);
                if (report.Outcome == StepOutcome.Failed)
                {
                    break;
                }
            }
        }
        finally
        {
            context.Connection?.Dispose();
        }

        var result = new SetupResult(reports, context.FilesUploaded, context.BytesUploaded, time.GetElapsedTime(started));
        Summarise(context, result);
        return result;
    }

    private void Summarise(SetupContext context, SetupResult result)
    {
        string took = string.Create(CultureInfo.InvariantCulture, $"Took {result.Elapsed.TotalSeconds:0.0} s.");
        if (result.Failure is { } failed)
        {
            console.Summary($"Setup stopped at '{failed.Step}' (why is said above). Fix that and run the same command again: the steps already done are checked and skipped. {took}");
            return;
        }

        if (options.Telegram is { } telegram)
        {
            console.Summary(telegram.Remove
                ? $"The Telegram bot is removed from {options.Target.Describe()}. {took}"
                : $"The Telegram bot runs on {options.Target.Describe()} ({context.ServiceManager}), talking to the node there; 'start/stop cluster' leave it running. Write to it on Telegram. {took}");
            return;
        }

        string changed = result.ChangedNothing
            ? "nothing needed changing, everything was already in place"
            : string.Create(CultureInfo.InvariantCulture, $"{result.FilesUploaded} file(s) written to the server ({result.BytesUploaded / 1048576.0:0.0} MB)");
        if (options.Server is { } server)
        {
            console.Summary($"Worker box ready: {options.Target.Describe()}, workers only in ~/{options.RemoteDirectory} ({context.ServiceManager}), reaching the queue of {server.Describe()} through an SSH tunnel; {changed}.");
            console.Summary($"Next: claudbot say \"start cluster\" (starts the server, then each box)   {took}");
            return;
        }

        console.Summary($"Setup complete: {options.Target.Describe()}, node in ~/{options.RemoteDirectory} ({context.ServiceManager}), Redis {(options.Redis == RedisMode.System ? "system (127.0.0.1:6379)" : "embedded")}; {changed}.");
        if (context.NodeChanged && !result.ChangedNothing)
        {
            console.Summary("If the cluster was already running there, restart it to use the new files: claudbot say \"restart cluster\" --yes");
        }

        console.Summary($"Next: claudbot say \"start cluster\"   {took}");
    }
}
