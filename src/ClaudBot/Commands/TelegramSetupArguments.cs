using System.Globalization;
using ClaudBot.Intents.Catalog;
using ClaudBot.Ssh.Setup.Telegram;
using ClaudBot.Telegram;
using Microsoft.Extensions.Configuration;

namespace ClaudBot.Commands;

/// <summary>
/// What <c>setup --telegram</c> takes from the command line and this client: the allowed users (<c>--telegram-user
/// ID[:viewer|operator]</c> repeated, else the client's <c>Telegram:Users</c>), the Bot API address (the client's
/// <c>Telegram:ApiBaseUrl</c>), and the token (<c>--token-file</c>, else <c>TELEGRAM_BOT_TOKEN</c>, else a hidden prompt).
/// Each problem is one sentence; the token is never repeated back.
/// </summary>
internal static class TelegramSetupArguments
{
    public static (TelegramSetupOptions? Options, string? Error) Read(
        IConfiguration client, IReadOnlyList<string> userArguments, string? tokenFile, bool remove, string? clientDirectory, Func<string?> prompt)
    {
        if (remove)
        {
            return (new TelegramSetupOptions { Remove = true }, null);
        }

        var users = new List<BotUser>();
        foreach (string argument in userArguments)
        {
            if (Parse(argument) is not { } user)
            {
                return (null, $"--telegram-user {argument} is not a user: give the numeric id (ask @userinfobot), optionally with :viewer or :operator (default operator).");
            }

            users.Add(user);
        }

        if (users.Count == 0)
        {
            var configured = new TelegramOptions();
            client.GetSection(TelegramOptions.Section).Bind(configured);
            users.AddRange(configured.Users.Where(u => u.Id > 0).Select(u => new BotUser(u.Id, u.Role.ToString())));
        }

        if (users.Count == 0)
        {
            return (null, "Nobody could use the bot: pass --telegram-user ID (your numeric Telegram id, from @userinfobot), or list Telegram:Users in your settings.");
        }

        var (token, tokenError) = Token(tokenFile, prompt);
        if (tokenError is not null)
        {
            return (null, tokenError);
        }

        return (new TelegramSetupOptions
        {
            Token = token,
            Users = users,
            ApiBaseUrl = client["Telegram:ApiBaseUrl"],
            ClientDirectory = clientDirectory,
        }, null);
    }

    public static BotUser? Parse(string argument)
    {
        string[] parts = argument.Split(':', 2);
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long id) || id <= 0)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new BotUser(id, nameof(IntentRole.Operator));
        }

        return Enum.TryParse<IntentRole>(parts[1], ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(parts[1], out _)
            ? new BotUser(id, role.ToString())
            : null;
    }

    private static (string? Token, string? Error) Token(string? tokenFile, Func<string?> prompt)
    {
        string? token;
        string from;
        if (tokenFile is not null)
        {
            try
            {
                token = File.ReadAllText(tokenFile).Trim();
            }
            catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
            {
                return (null, $"--token-file {tokenFile} could not be read ({unreadable.Message}).");
            }

            from = $"--token-file {tokenFile}";
        }
        else if (Environment.GetEnvironmentVariable("TELEGRAM_BOT_TOKEN") is { Length: > 0 } variable)
        {
            (token, from) = (variable.Trim(), "TELEGRAM_BOT_TOKEN");
        }
        else
        {
            (token, from) = (prompt()?.Trim(), "the token typed");
        }

        if (string.IsNullOrEmpty(token))
        {
            return (null, "No bot token: type it when asked (in a terminal), pass --token-file PATH, or set TELEGRAM_BOT_TOKEN.");
        }

        return TelegramOptions.LooksLikeToken(token)
            ? (token, null)
            : (null, $"{from} does not look like a bot token from @BotFather (digits, a colon, then letters, digits, '-' or '_').");
    }
}
