namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary>Where the bot service lives on the server, relative to the user's home.</summary>
internal static class BotPaths
{
    public const string ServiceName = "claudbot-telegram.service";

    public const string UnitPath = ".config/systemd/user/" + ServiceName;

    /// <summary>The token's file name in the home's config folder (the server's CLAUDBOT_HOME or XDG config).</summary>
    public const string TokenFileName = "telegram-token";

    /// <summary>The bot's program folder: inside the node's, so <c>--remote-dir</c> moves both.</summary>
    public static string Folder(SetupOptions options) => $"{options.RemoteDirectory}/telegram";

    public static string Settings(SetupOptions options) => $"{Folder(options)}/appsettings.json";

    /// <summary>The daemon's pid file without systemd, in the bot's folder (never in the node's run folder, which 'stop cluster' empties).</summary>
    public static string PidFile(SetupOptions options) => $"{Folder(options)}/run/telegram.pid";
}
