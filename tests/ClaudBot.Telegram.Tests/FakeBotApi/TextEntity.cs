namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>A MessageEntity as Telegram returns it; offsets and lengths are in UTF-16 code units.</summary>
public sealed record TextEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null, string? CustomEmojiId = null);
