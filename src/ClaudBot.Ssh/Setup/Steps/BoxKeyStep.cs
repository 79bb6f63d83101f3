namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// A worker box's key pair for its tunnel to the server's queue, made on the box (<c>~/.ssh/claudbot_queue</c>, no
/// passphrase: the worker's service uses it unattended) unless it is there. The private key never leaves the box.
/// </summary>
public sealed class BoxKeyStep : ISetupStep
{
    public string Name => "Box key";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.Server.RunAsync(WorkerBoxCommands.BoxKey, cancellationToken);
        if (result.ExitCode == 3)
        {
            throw new SetupException($"{context.Options.Target.Describe()} has no OpenSSH client, which its workers need for the tunnel to the server: install it there (Debian: sudo apt install openssh-client) and run setup again.");
        }

        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (result.ExitCode != 0 || lines.Length < 2 || PublicKeyLine.Parse(lines[1]) is not { } key)
        {
            throw new SetupException($"Could not make the box's key ~/{WorkerBoxCommands.KeyPath} there (exit {result.ExitCode}): {(result.Error + result.Output).Trim()}");
        }

        context.BoxKey = key;
        return lines[0] == "made"
            ? StepReport.Done(Name, $"made ~/{WorkerBoxCommands.KeyPath} (ed25519) on the box for its tunnel to the server")
            : StepReport.Already(Name, $"~/{WorkerBoxCommands.KeyPath} exists on the box");
    }
}
