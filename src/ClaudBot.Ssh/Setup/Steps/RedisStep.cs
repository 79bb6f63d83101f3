namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// Redis for the node. Embedded (the default): nothing to install. System: Debian's redis-server installed
/// and enabled with sudo, unless it already runs; sudo's password (asked once, or none with NOPASSWD) goes
/// to <c>sudo -S</c> on standard input, never on a command line.
/// </summary>
public sealed class RedisStep : ISetupStep
{
    public string Name => "Redis";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.Redis == RedisMode.Embedded)
        {
            return StepReport.Already(Name, "embedded: the node runs its own Redis-compatible server on the server's loopback (nothing to install)");
        }

        if (!context.Facts!.SystemSystemd)
        {
            throw new SetupException("--redis system needs systemd on the server to run redis-server. Leave out --redis to use the node's embedded server.");
        }

        var active = await context.Server.RunAsync(SetupCommands.RedisActive, cancellationToken);
        if (active.ExitCode == 0 && active.Output.Trim() == "active")
        {
            return StepReport.Already(Name, "redis-server is installed and running (127.0.0.1:6379)");
        }

        string where = context.Options.Target.Describe();
        string? password = null;
        if ((await context.Server.RunAsync(SetupCommands.SudoWithoutPassword, cancellationToken)).ExitCode != 0)
        {
            password = context.Passwords.Read($"sudo password of {where} (to install redis-server; not stored)")
                ?? throw new SetupException($"Installing redis-server needs sudo on {where}, and there is no password to give it: run setup in a terminal, or use --password-stdin.");
        }

        context.Console.Note("Installing redis-server with sudo apt-get (a minute or two)");
        var installed = await context.Server.RunAsync(SetupCommands.InstallRedis, cancellationToken, input: password, timeout: TimeSpan.FromMinutes(10));
        if (installed.ExitCode != 0)
        {
            throw new SetupException(Explain(installed, where));
        }

        return StepReport.Done(Name, "installed and enabled redis-server (127.0.0.1:6379, loopback only)");
    }

    internal static string Explain(RemoteResult result, string where)
    {
        string error = result.Error + result.Output;
        if (error.Contains("incorrect password", StringComparison.OrdinalIgnoreCase) || error.Contains("Sorry, try again", StringComparison.Ordinal))
        {
            return $"sudo on {where} refused the password. Nothing was installed.";
        }

        if (error.Contains("sudoers", StringComparison.Ordinal) || error.Contains("may not run sudo", StringComparison.Ordinal))
        {
            return $"Your user may not use sudo on {where}: ask its administrator to run 'sudo apt install redis-server', or leave out --redis to use the embedded server.";
        }

        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return $"Installing redis-server failed (exit {result.ExitCode}): {string.Join(" | ", lines.TakeLast(4))}";
    }
}
