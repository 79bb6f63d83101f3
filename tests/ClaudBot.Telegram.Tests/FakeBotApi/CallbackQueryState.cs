namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>A button press the test enqueued, and the bot's answer to it.</summary>
public sealed record CallbackQueryState(
    string Id,
    long UserId,
    long ChatId,
    int MessageId,
    string Data,
    DateTimeOffset CreatedAt,
    bool Answered = false,
    string? AnswerText = null,
    bool ShowAlert = false,
    DateTimeOffset? AnsweredAt = null);
