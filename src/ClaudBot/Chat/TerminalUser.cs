using ClaudBot.Bot.Conversations;
using ClaudBot.Intents.Catalog;

namespace ClaudBot.Chat;

/// <summary>Whoever sits at this terminal: the box's own user, so an operator.</summary>
internal static class TerminalUser
{
    public static ChatUser Current { get; } = new(Environment.UserName, Environment.UserName, IntentRole.Operator);

    public static ChatKey Chat { get; } = new(ChatKey.TerminalChannel, Environment.UserName);
}
