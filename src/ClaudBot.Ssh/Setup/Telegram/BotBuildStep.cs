namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary>
/// The <c>claudbot</c> folder the bot service runs: the one given, or one published from the source checkout for the
/// server's runtime exactly as the node is (framework-dependent where the server has .NET 10), re-published only when
/// sources changed.
/// </summary>
public sealed class BotBuildStep : ISetupStep
{
    public string Name => "Bot build";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var facts = context.Facts!;
        string runtime = facts.RuntimeIdentifier!;
        var program = PublishedProgram.Client;
        if (options.Telegram?.ClientDirectory is { } given)
        {
            string folder = Path.GetFullPath(given);
            if (!File.Exists(Path.Combine(folder, program.Name)))
            {
                throw new SetupException($"{folder} has no claudbot program: give a folder made by 'dotnet publish src/ClaudBot -r {runtime}'.");
            }

            context.BotDirectory = folder;
            return StepReport.Already(Name, $"using {folder}");
        }

        string checkout = NodePublisher.FindCheckout(options.ProgramDirectory)
            ?? throw new SetupException($"No claudbot to upload: {options.ProgramDirectory} is not inside a ClaudBot source checkout (with {program.ProjectPath}).");
        bool selfContained = !facts.HasDotnet10;
        string root = Path.GetFullPath(options.PublishDirectory);
        string output = NodePublisher.OutputFolder(root, runtime, selfContained, program);
        context.BotDirectory = output;
        if (NodePublisher.IsFresh(checkout, output, program))
        {
            return StepReport.Already(Name, $"{output} is up to date ({runtime})");
        }

        context.Console.Note($"Publishing claudbot for {runtime}{(selfContained ? ", self-contained (the server has no .NET 10 runtime)" : string.Empty)}: a minute or two the first time.");
        await NodePublisher.PublishAsync(program, checkout, runtime, selfContained, output, root, cancellationToken);
        return StepReport.Done(Name, $"published {output} ({runtime})");
    }
}
