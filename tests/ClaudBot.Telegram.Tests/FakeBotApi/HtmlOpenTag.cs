namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>A start tag still open while parsing HTML: its name, its argument (href, language...), where its text starts.</summary>
internal sealed record HtmlOpenTag(string Name, string Argument, int Offset);
