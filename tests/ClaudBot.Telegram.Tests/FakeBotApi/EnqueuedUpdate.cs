namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>What the test put in the update queue: the update's id, and the message or callback query it carries.</summary>
public sealed record EnqueuedUpdate(long UpdateId, int? MessageId = null, string? CallbackQueryId = null);
