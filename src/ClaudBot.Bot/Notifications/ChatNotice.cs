namespace ClaudBot.Bot.Notifications;

/// <summary>One line for one chat (its id on the channel that polled).</summary>
public sealed record ChatNotice(string Chat, string Text, AlertKind? Alert = null);
