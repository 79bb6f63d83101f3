using System.Text.Json.Nodes;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>The current state of a message in a chat: what the user sees now, after every edit.</summary>
/// <param name="FromBot">True for messages the bot sent; false for the user's own messages enqueued by the test.</param>
/// <param name="Kind">"text", "photo" or "document".</param>
/// <param name="Text">The text the user sees (tags removed, entities decoded), or null for media.</param>
/// <param name="RawText">The text parameter exactly as the bot sent it.</param>
/// <param name="Caption">The caption the user sees, for media.</param>
/// <param name="ReplyMarkupJson">The inline keyboard now attached, as JSON, or null.</param>
public sealed record MessageState(
    long ChatId,
    int MessageId,
    bool FromBot,
    string Kind,
    string? Text,
    string? RawText,
    string? ParseMode,
    IReadOnlyList<TextEntity> Entities,
    string? Caption,
    string? RawCaption,
    IReadOnlyList<TextEntity> CaptionEntities,
    string? ReplyMarkupJson,
    RecordedFile? File,
    DateTimeOffset Date,
    DateTimeOffset? EditDate,
    int EditCount)
{
    /// <summary>The inline keyboard's rows and buttons; empty when there is none.</summary>
    public IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard => ReplyMarkup.Buttons(ReplyMarkupJson);

    internal JsonObject? ReplyTo { get; init; }

    internal (string FileId, string FileUniqueId) FileIds { get; init; }

    /// <summary>Who wrote a user's message; null for the bot's.</summary>
    public FakeUser? Sender { get; init; }

    internal FormattedText FormattedText => new(Text ?? string.Empty, Entities);

    internal FormattedText FormattedCaption => new(Caption ?? string.Empty, CaptionEntities);
}
