namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>One button of an inline keyboard, as the bot sent it.</summary>
public sealed record InlineButton(string Text, string? CallbackData, string? Url);
