namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary><c>setup --telegram --remove</c>: the bot service stopped and removed, with its folder and its token file.</summary>
public sealed class BotRemoveStep : ISetupStep
{
    public string Name => "Bot removed";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        string stopped;
        if (context.Facts!.UserSystemd)
        {
            await RemoteSync.CheckedAsync(context, BotCommands.DisableUnit, cancellationToken);
            stopped = $"{BotPaths.ServiceName} stopped and removed";
        }
        else
        {
            var stop = await context.Server.RunAsync(BotCommands.DaemonStop(options), cancellationToken);
            stopped = stop.Output.Trim().Length > 0 ? $"the bot's daemon {stop.Output.Trim()}" : "the bot was not running";
        }

        await RemoteSync.CheckedAsync(context, BotCommands.RemoveFolder(options), cancellationToken);
        await RemoteSync.CheckedAsync(context, BotCommands.RemoveToken, cancellationToken);
        return StepReport.Done(Name, $"{stopped}; ~/{BotPaths.Folder(options)} and the token file removed");
    }
}
