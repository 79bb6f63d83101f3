namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>A command registered through setMyCommands.</summary>
public sealed record BotCommandEntry(string Command, string Description);
