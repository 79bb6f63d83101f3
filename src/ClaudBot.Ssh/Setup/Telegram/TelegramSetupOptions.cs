namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary>
/// What <c>claudbot setup --telegram</c> was asked for: the bot as a service on the server, beside its node.
/// The token is held in memory for this run only and goes to the server over SSH's standard input.
/// </summary>
public sealed record TelegramSetupOptions
{
    /// <summary>The bot's token from @BotFather (not needed with <see cref="Remove"/>).</summary>
    public string? Token { get; init; }

    /// <summary>Who may talk to the bot: numeric ids with a role each (<c>Viewer</c> or <c>Operator</c>).</summary>
    public IReadOnlyList<BotUser> Users { get; init; } = [];

    /// <summary>Another Bot API server (the client's <c>Telegram:ApiBaseUrl</c>); empty for Telegram's own.</summary>
    public string? ApiBaseUrl { get; init; }

    /// <summary>A published <c>claudbot</c> folder to upload instead of publishing one from the source checkout.</summary>
    public string? ClientDirectory { get; init; }

    /// <summary>Stop the service and remove it, its files and its token from the server.</summary>
    public bool Remove { get; init; }
}

/// <summary>An allowed Telegram user, as <c>Telegram:Users</c> holds it.</summary>
public sealed record BotUser(long Id, string Role);
