namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>A Telegram user who writes to the bot or presses its buttons.</summary>
public sealed record FakeUser(long Id, string FirstName = "Test", string? Username = null, string? LanguageCode = "en");
