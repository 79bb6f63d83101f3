namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Settings of a <see cref="FakeBotApiServer"/>; the defaults suit most tests.</summary>
public sealed record FakeBotApiOptions
{
    /// <summary>Stamps calls, message dates and callback ages. Long polls wait in real time whatever this is.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The longest a getUpdates with a timeout is held (Telegram holds up to the timeout; tests need speed).</summary>
    public TimeSpan MaxLongPollHold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Refuse a bare &amp; or &gt; in HTML text, as the Bot API documentation asks (Telegram itself is lenient).</summary>
    public bool StrictHtmlEscaping { get; init; } = true;

    /// <summary>How long a callback query can be answered (Telegram does not document it; old queries are refused).</summary>
    public TimeSpan CallbackAnswerWindow { get; init; } = TimeSpan.FromSeconds(15);

    public string BotFirstName { get; init; } = "ClaudBot Test";

    public string BotUsername { get; init; } = "claudbot_test_bot";

    /// <summary>Where it listens: loopback, or an address another host reaches (the bot on a network-namespace server).</summary>
    public System.Net.IPAddress ListenAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>The only token the server accepts (a test that looks for the token elsewhere makes its own).</summary>
    public string Token { get; init; } = FakeBotApiServer.DefaultToken;

    /// <summary>The first update_id handed out; Telegram's are large and arbitrary.</summary>
    public long FirstUpdateId { get; init; } = 500_000_001;
}
