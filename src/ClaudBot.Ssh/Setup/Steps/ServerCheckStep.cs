namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// What the server is: OS, architecture, cores, memory, disk, systemd, .NET. Below the recommended size is a
/// warning; an architecture with no .NET build is a failure.
/// </summary>
public sealed class ServerCheckStep : ISetupStep
{
    public string Name => "Server";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.Server.RunAsync(SetupCommands.Facts, cancellationToken);
        var facts = ServerFacts.Parse(result.Output);
        if (facts.RuntimeIdentifier is null)
        {
            throw new SetupException($"The server is {(facts.Architecture.Length > 0 ? facts.Architecture : "of an unknown architecture")} ({facts.Kernel}); claudbot-node is built for x86_64 and aarch64 Linux only.");
        }

        context.Facts = facts;
        return StepReport.Already(Name, facts.Describe()) with { Warnings = [.. facts.Shortfalls()] };
    }
}
