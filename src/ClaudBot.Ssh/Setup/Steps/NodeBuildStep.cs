namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// The claudbot-node folder to upload: the one given with --node-dir (checked against the server), or one
/// published from the source checkout for the server's architecture, re-published only when sources changed.
/// </summary>
public sealed class NodeBuildStep : ISetupStep
{
    public string Name => "Node build";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var facts = context.Facts!;
        string runtime = facts.RuntimeIdentifier!;
        if (options.NodeDirectory is { } given)
        {
            string folder = Path.GetFullPath(given);
            Given(folder, runtime, facts);
            context.NodeDirectory = folder;
            return StepReport.Already(Name, $"using {folder} ({Kind(NodePublisher.IsSelfContained(folder))})");
        }

        string checkout = NodePublisher.FindCheckout(options.ProgramDirectory)
            ?? throw new SetupException($"No claudbot-node to upload: {options.ProgramDirectory} is not inside a ClaudBot source checkout (with {NodePublisher.ProjectPath}). Pass --node-dir with a published claudbot-node folder for {runtime}.");
        bool selfContained = !facts.HasDotnet10;
        string output = NodePublisher.OutputFolder(Path.GetFullPath(options.PublishDirectory), runtime, selfContained);
        context.NodeDirectory = output;
        if (NodePublisher.IsFresh(checkout, output))
        {
            return StepReport.Already(Name, $"{output} is up to date ({runtime}, {Kind(selfContained)})");
        }

        context.Console.Note($"Publishing claudbot-node for {runtime}, {Kind(selfContained)}{(selfContained ? " (the server has no .NET 10 runtime)" : " (the server has .NET 10)")}: about a minute the first time.");
        await NodePublisher.PublishAsync(checkout, runtime, selfContained, output, Path.GetFullPath(options.PublishDirectory), cancellationToken);
        return StepReport.Done(Name, $"published {output} ({runtime}, {Kind(selfContained)})");
    }

    private static string Kind(bool selfContained) => selfContained ? "self-contained" : "framework-dependent";

    private static void Given(string folder, string runtime, ServerFacts facts)
    {
        if (!File.Exists(Path.Combine(folder, "claudbot-node")))
        {
            throw new SetupException($"{folder} has no claudbot-node program: give a folder made by 'dotnet publish src/ClaudBot.Node -r {runtime}'.");
        }

        if (NodePublisher.RuntimeOf(folder) is { } built && built != runtime)
        {
            throw new SetupException($"{folder} was published for {built}, but the server is {runtime}.");
        }

        if (!NodePublisher.IsSelfContained(folder) && !facts.HasDotnet10)
        {
            throw new SetupException($"{folder} is framework-dependent and the server has no .NET 10 runtime: install it there (Debian: sudo apt install dotnet-runtime-10.0), or give a self-contained folder (--self-contained true).");
        }
    }
}
