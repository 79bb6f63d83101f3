using System.Security.Cryptography;
using System.Text;

namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary>
/// The bot's token into <c>telegram-token</c> in the server's config folder, mode 600 from its creation. It travels on
/// the SSH command's standard input, never in a command line, a unit or the shell's history; written only when the
/// file holds another token (compared by SHA-256, so the token is never read back).
/// </summary>
public sealed class BotTokenStep : ISetupStep
{
    public string Name => "Bot token";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string token = context.Options.Telegram?.Token is { Length: > 0 } t
            ? t
            : throw new SetupException("No bot token: give it when asked, with --token-file PATH, or in TELEGRAM_BOT_TOKEN.");
        var state = Parse((await context.Server.RunAsync(BotCommands.TokenState, cancellationToken)).Output);
        string path = state.GetValueOrDefault("path") ?? throw new SetupException("The server did not say where its config folder is.");
        context.BotTokenFile = path;
        string wanted = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token + "\n")));
        if (state.GetValueOrDefault("sha") == wanted && state.GetValueOrDefault("mode") == "600")
        {
            return StepReport.Already(Name, $"{path} holds this token (mode 600)");
        }

        var written = await context.Server.RunAsync(BotCommands.WriteToken, cancellationToken, input: token);
        if (written.ExitCode != 0 || written.Output.Trim() != path)
        {
            throw new SetupException($"Could not write the token file on the server (exit {written.ExitCode}): {written.Error.Trim()}");
        }

        context.BotChanged = true;
        context.FilesUploaded++;
        return StepReport.Done(Name, $"wrote {path} (mode 600, over SSH's standard input)");
    }

    private static Dictionary<string, string> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
}
