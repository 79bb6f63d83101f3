using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ClaudBot.Intents.Catalog;

namespace ClaudBot.Telegram;

/// <summary>
/// The Telegram channel (section <c>Telegram</c>). The token comes from <c>Telegram:Token</c>, else the file
/// <c>Telegram:TokenFile</c> names, else <c>TELEGRAM_BOT_TOKEN</c>, and never reaches a log or an error message. Only the numeric user ids in
/// <see cref="Users"/> may use the bot (usernames can change hands, ids cannot).
/// </summary>
public sealed partial class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    /// <summary>The bot's token from @BotFather (<c>123456:ABC...</c>).</summary>
    public string? Token { get; set; }

    /// <summary>
    /// A file holding only the token (owner-only, as <c>claudbot setup --telegram</c> writes it on the server), read at start
    /// when <see cref="Token"/> is empty: a service then never carries the token in its unit, environment or command line.
    /// </summary>
    public string? TokenFile { get; set; }

    /// <summary>Another Bot API server (a local <c>telegram-bot-api</c>, or a test server); empty for Telegram's own.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Who may talk to the bot, by numeric user id, with a role each. Everyone else is refused.</summary>
    public IList<TelegramUser> Users { get; } = [];

    /// <summary>How long one getUpdates request waits for news.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Telegram:PollTimeout must be between 0 and 60 seconds.")]
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>A job's progress message is edited at most this often (Telegram limits edits per chat).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Telegram:ProgressInterval must be between 0.05 and 60 seconds.")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest wait between retries after network or Telegram errors.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Telegram:MaxBackoff must be between 0.01 seconds and 10 minutes.")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most chats with a queue at once; a new chat past this is refused until an idle one expires.</summary>
    [Range(1, 100_000, ErrorMessage = "Telegram:MaxChats must be between 1 and 100,000.")]
    public int MaxChats { get; set; } = 1_000;

    /// <summary>Most updates waiting in one chat's queue; more are refused (dropped with a log line), not buffered.</summary>
    [Range(1, 1_000, ErrorMessage = "Telegram:MaxPendingPerChat must be between 1 and 1,000.")]
    public int MaxPendingPerChat { get; set; } = 32;

    /// <summary>A chat's queue idle this long is removed with its task (the chat gets a new one when it writes again).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Telegram:ChatIdleAfter must be between 1 second and 1 day.")]
    public TimeSpan ChatIdleAfter { get; set; } = TimeSpan.FromMinutes(10);

    public IntentRole? RoleOf(long userId) => Users.FirstOrDefault(u => u.Id == userId)?.Role;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Token) && !string.IsNullOrWhiteSpace(TokenFile))
        {
            yield return new ValidationResult($"Telegram:TokenFile {TokenFile} could not be read or is empty: run 'claudbot setup --telegram' again, or put the token from @BotFather in it (mode 600).", [nameof(TokenFile)]);
        }
        else if (string.IsNullOrWhiteSpace(Token))
        {
            yield return new ValidationResult("Telegram:Token is not set: put the token from @BotFather in the TELEGRAM_BOT_TOKEN environment variable (or Telegram:Token).", [nameof(Token)]);
        }
        else if (!TokenShape().IsMatch(Token))
        {
            // The token itself is never repeated back: it may be a real secret pasted wrongly.
            yield return new ValidationResult("Telegram:Token does not look like a bot token (digits, a colon, then letters, digits, '-' or '_').", [nameof(Token)]);
        }

        if (!string.IsNullOrEmpty(ApiBaseUrl) && !Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Telegram:ApiBaseUrl '{ApiBaseUrl}' is not an absolute URL.", [nameof(ApiBaseUrl)]);
        }

        foreach (var user in Users.Where(u => u.Id <= 0))
        {
            yield return new ValidationResult($"Telegram:Users has id {user.Id}; user ids are positive numbers (ask @userinfobot for yours).", [nameof(Users)]);
        }
    }

    /// <summary>Whether <paramref name="token"/> has a bot token's shape (digits, a colon, then letters, digits, '-' or '_').</summary>
    public static bool LooksLikeToken(string token) => TokenShape().IsMatch(token);

    [GeneratedRegex(@"^\d{1,16}:[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex TokenShape();
}

/// <summary>An allowed Telegram user: numeric id and role (viewer: look only; operator: everything).</summary>
public sealed class TelegramUser
{
    public long Id { get; set; }

    public IntentRole Role { get; set; } = IntentRole.Viewer;
}
