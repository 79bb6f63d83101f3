using System.CommandLine;
using ClaudBot.Hosting;
using ClaudBot.Ssh;
using ClaudBot.Ssh.Setup;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot setup --host HOST --user USER [...]</c>: the manual setup guide as one command (key pair, host
/// key, key login, server check, node and data upload, Redis, service, client settings), one line per step.
/// Running it again changes nothing; after a failure it continues where it stopped. Host and user default to
/// the guide's WORKER_HOST and WORKER_USER (environment or .env), then to the last setup's.
/// Exit codes (<see cref="ExitCodes"/>): success, failed when a step failed, bad input for bad arguments, cancelled.
/// </summary>
internal static class SetupCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var host = new Option<string>("--host") { Description = "The server's name or address (default: WORKER_HOST, or the last setup's)" };
        var user = new Option<string>("--user") { Description = "Your user on the server (default: WORKER_USER, or the last setup's)" };
        var port = new Option<int?>("--port") { Description = "The server's SSH port (default 22)" };
        var identity = new Option<string>("--identity") { Description = "Your SSH private key; created if missing (default ~/.ssh/id_ed25519)" };
        var redis = new Option<string>("--redis") { Description = "embedded (the node's own server) or system (Debian's redis-server, installed with sudo)", DefaultValueFactory = _ => "embedded" };
        redis.AcceptOnlyFromAmong("embedded", "system");
        var remoteDir = new Option<string>("--remote-dir") { Description = "The node's folder on the server, relative to your home (default claudbot)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Answer yes to every question (create the key, trust a new host key)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the server password from the first line of standard input instead of asking" };
        var trust = new Option<string>("--trust-host-key") { Description = "Trust a new host key only if its fingerprint is this (SHA256:..., from ssh-keygen -lf on the server)" };
        var nodeDir = new Option<string>("--node-dir") { Description = "Upload this published claudbot-node folder instead of publishing one from the source checkout" };
        var settings = new Option<string>("--settings") { Description = "The client settings file to write (default: settings.json in the config folder, see 'claudbot doctor')" };
        var telegram = new Option<bool>("--telegram") { Description = "After the server's setup: run the Telegram bot there as a service, talking to the node directly" };
        var telegramUser = new Option<string[]>("--telegram-user") { Description = "With --telegram: a user allowed to use the bot, ID or ID:viewer (repeat; default: Telegram:Users)", Arity = ArgumentArity.ZeroOrMore };
        var tokenFile = new Option<string>("--token-file") { Description = "With --telegram: read the bot token from this file (default: TELEGRAM_BOT_TOKEN, else asked, hidden)" };
        var clientDir = new Option<string>("--client-dir") { Description = "With --telegram: upload this published claudbot folder instead of publishing one" };
        var remove = new Option<bool>("--remove") { Description = "With --telegram: stop the bot's service on the server and remove it, its files and its token" };
        var worker = new Option<string>("--worker") { Description = "Join this host to the server's cluster as a worker box (workers only, reaching the server's queue through an SSH tunnel); needs --user" };
        var removeWorker = new Option<string>("--remove-worker") { Description = "Drain a worker box, stop it, revoke its access to the server's queue and forget it" };
        var command = new Command("setup", "Set up the server: SSH key, host key, node, data, Redis, service, and this client's settings. Safe to run again.")
        {
            host, user, port, identity, redis, remoteDir, yes, passwordStdin, trust, nodeDir, settings, telegram, telegramUser, tokenFile, clientDir, remove, worker, removeWorker,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            string settingsFile = Path.GetFullPath(parse.GetValue(settings) ?? ClaudBotHome.Resolve().SettingsFile);
            SshTargetOptions saved;
            try
            {
                saved = Saved(settingsFile);
            }
            catch (InvalidOperationException invalid)
            {
                consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(settingsFile)} has a bad Target:Ssh value ({Markup.Escape(invalid.Message)}).");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (parse.GetValue(removeWorker) is { } removed)
            {
                return RemoveWorkerAsync(consoles, saved, removed, settingsFile, cancellationToken);
            }

            if (parse.GetValue(worker) is { } box)
            {
                var boxOptions = new SetupOptions
                {
                    Host = box,
                    User = parse.GetValue(user) ?? string.Empty,
                    Port = parse.GetValue(port) ?? 22,
                    IdentityFile = saved.IdentityFile,
                    KnownHostsFile = saved.KnownHostsFile,
                    RemoteDirectory = parse.GetValue(remoteDir) ?? "claudbot",
                    Yes = parse.GetValue(yes),
                    TrustHostKey = parse.GetValue(trust),
                    NodeDirectory = parse.GetValue(nodeDir),
                    SettingsFile = settingsFile,
                    Server = saved,
                };
                return RunAsync(consoles, boxOptions, parse.GetValue(passwordStdin), cancellationToken);
            }

            var options = new SetupOptions
            {
                Host = parse.GetValue(host) ?? Fallback(saved.Host, "WORKER_HOST"),
                User = parse.GetValue(user) ?? Fallback(saved.User, "WORKER_USER"),
                Port = parse.GetValue(port) ?? saved.Port,
                IdentityFile = parse.GetValue(identity) ?? saved.IdentityFile,
                KnownHostsFile = saved.KnownHostsFile,
                RemoteDirectory = parse.GetValue(remoteDir) ?? saved.RemoteDirectory,
                Redis = parse.GetValue(redis) == "system" ? RedisMode.System : RedisMode.Embedded,
                Yes = parse.GetValue(yes),
                TrustHostKey = parse.GetValue(trust),
                NodeDirectory = parse.GetValue(nodeDir),
                SettingsFile = settingsFile,
            };
            if (parse.GetValue(telegram) || parse.GetValue(remove))
            {
                var client = new ConfigurationBuilder().AddJsonFile(settingsFile, optional: true).AddEnvironmentVariables("CLAUDBOT_").Build();
                var (bot, error) = parse.GetValue(telegram)
                    ? TelegramSetupArguments.Read(client, parse.GetValue(telegramUser) ?? [], parse.GetValue(tokenFile), parse.GetValue(remove), parse.GetValue(clientDir), () => AskToken(consoles))
                    : (null, "--remove goes with --telegram (setup --telegram --remove removes the bot's service).");
                if (error is not null)
                {
                    consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(error)}");
                    return Task.FromResult(ExitCodes.BadInput);
                }

                options = options with { Telegram = bot };
            }

            return RunAsync(consoles, options, parse.GetValue(passwordStdin), cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(CliConsoles consoles, SetupOptions options, bool passwordStdin, CancellationToken cancellationToken)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(string.Join(" ", errors))} Usage: setup --host HOST --user USER [[options]] (see --help)");
            return ExitCodes.BadInput;
        }

        var console = new SpectreSetupConsole(consoles.Out);
        IPasswordSource passwords = passwordStdin ? new TextPasswordSource(Console.In) : console;
        consoles.Out.MarkupLine($"Setting up [bold]{Markup.Escape(options.Target.Describe())}[/] for ClaudBot.");
        try
        {
            var result = await new SetupRunner(options, console, passwords, TimeProvider.System).RunAsync(cancellationToken);
            if (result.Succeeded)
            {
                WarnAboutOverrides(consoles, options);
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Error.MarkupLine("[yellow]Cancelled.[/] Run setup again to continue where it stopped.");
            return ExitCodes.Cancelled;
        }
    }

    // Hidden as it is typed (not even stars), held in memory for this run only.
    private static string? AskToken(CliConsoles consoles) => consoles.Out.Profile.Capabilities.Interactive
        ? consoles.Out.Prompt(new TextPrompt<string>("Bot token from @BotFather:").Secret(null))
        : null;
    private static async Task<int> RemoveWorkerAsync(CliConsoles consoles, SshTargetOptions server, string box, string settingsFile, CancellationToken cancellationToken)
    {
        if (server.Host.Length == 0)
        {
            consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(settingsFile)} names no server (Target:Ssh), so it has no worker boxes to remove.");
            return ExitCodes.BadInput;
        }

        consoles.Out.MarkupLine($"Removing worker box [bold]{Markup.Escape(box)}[/] from {Markup.Escape(server.Describe())}.");
        var result = await new WorkerBoxRemoval(server, box, settingsFile, new SpectreSetupConsole(consoles.Out), TimeProvider.System).RunAsync(cancellationToken);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    // The last setup's Target:Ssh (or the defaults), with CLAUDBOT_ variables and the guide's WORKER_HOST/WORKER_USER over it.
    private static SshTargetOptions Saved(string settingsFile)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(settingsFile, optional: true)
            .AddEnvironmentVariables("CLAUDBOT_")
            .AddGuideEnvironment()
            .Build();
        return configuration.GetSection(SshTargetOptions.Section).Get<SshTargetOptions>() ?? new SshTargetOptions();
    }

    // A .env in the current folder (where the guide's users keep it) when nothing else named the server.
    private static string Fallback(string configured, string variable) =>
        configured.Length > 0 ? configured : GuideEnvironment.ReadDotEnv(Path.Combine(Environment.CurrentDirectory, ".env")).GetValueOrDefault(variable, string.Empty);

    // WORKER_HOST / WORKER_USER override appsettings.json when the bot runs: say so if they point elsewhere.
    private static void WarnAboutOverrides(CliConsoles consoles, SetupOptions options)
    {
        var dotEnv = GuideEnvironment.ReadDotEnv(ClaudBotHome.Resolve().DotEnvFile);
        foreach (var (variable, value) in new[] { ("WORKER_HOST", options.Host), ("WORKER_USER", options.User) })
        {
            string? set = Environment.GetEnvironmentVariable(variable) ?? dotEnv.GetValueOrDefault(variable);
            if (!string.IsNullOrWhiteSpace(set) && set.Trim() != value)
            {
                consoles.Out.MarkupLine($"[yellow]! {variable}={Markup.Escape(set.Trim())} (environment or .env) overrides the settings just written: unset it or set it to {Markup.Escape(value)}.[/]");
            }
        }
    }

    /// <summary>Setup's progress as Spectre markup: one line per step; questions and the password asked on the terminal.</summary>
    internal sealed class SpectreSetupConsole(IAnsiConsole console) : ISetupConsole, IPasswordSource
    {
        private string? _password;

        public void Report(StepReport report)
        {
            var (mark, colour) = report.Outcome switch
            {
                StepOutcome.Done => ("✓", "green"),
                StepOutcome.Already => ("•", "grey"),
                _ => ("✗", "red"),
            };
            string detail = report.Outcome == StepOutcome.Failed ? $"[red]{Markup.Escape(report.Detail)}[/]" : Markup.Escape(report.Detail);
            console.MarkupLine($"[{colour}]{mark}[/] [bold]{Markup.Escape(report.Step.PadRight(16))}[/]{detail}");
            foreach (string line in report.Details)
            {
                Note(line);
            }

            foreach (string warning in report.Warnings)
            {
                Warn(warning);
            }
        }

        public void Note(string text) => console.MarkupLine($"  [grey]{Markup.Escape(text)}[/]");

        public void Warn(string text) => console.MarkupLine($"  [yellow]! {Markup.Escape(text)}[/]");

        public bool Confirm(string question) =>
            console.Profile.Capabilities.Interactive && console.Prompt(new ConfirmationPrompt(Markup.Escape(question)) { DefaultValue = false });

        public void Summary(string text) => console.MarkupLine(Markup.Escape(text));

        // Asked once, shown as nothing (not even stars), kept in memory for this run only.
        public string? Read(string prompt)
        {
            if (_password is null && console.Profile.Capabilities.Interactive)
            {
                _password = console.Prompt(new TextPrompt<string>(Markup.Escape(prompt) + ":").Secret(null));
            }

            return _password;
        }
    }
}
