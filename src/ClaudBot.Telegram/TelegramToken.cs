namespace ClaudBot.Telegram;

/// <summary>Where the bot's token comes from: the setting, else the token file, else <c>TELEGRAM_BOT_TOKEN</c>.</summary>
internal static class TelegramToken
{
    public const string Variable = "TELEGRAM_BOT_TOKEN";

    public static void Resolve(TelegramOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(options.TokenFile))
        {
            // A missing or unreadable file leaves the token empty; validation then names the file (never its content).
            options.Token = Read(options.TokenFile);
            return;
        }

        options.Token = Environment.GetEnvironmentVariable(Variable);
    }

    private static string? Read(string path)
    {
        try
        {
            string text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : null;
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
