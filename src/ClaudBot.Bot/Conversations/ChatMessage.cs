using ClaudBot.Intents.Catalog;

namespace ClaudBot.Bot.Conversations;

/// <summary>A conversation: the channel (<c>terminal</c>, <c>telegram</c>) and the chat's id in it.</summary>
public readonly record struct ChatKey(string Channel, string Id)
{
    /// <summary>The terminal chat: a person at a prompt, gone when the command ends, so nothing can reach it later.</summary>
    public const string TerminalChannel = "terminal";

    /// <summary>Whether a message can reach this chat after the conversation (a job's end, a schedule's run).</summary>
    public bool CanBeToldLater => Channel != TerminalChannel;

    public override string ToString() => $"{Channel}:{Id}";
}

/// <summary>
/// Who wrote: a stable id (Telegram's numeric user id, never a username), a name for replies and logs,
/// and the role the channel's allowlist gives them; null means not allowed at all.
/// </summary>
public sealed record ChatUser(string Id, string Name, IntentRole? Role);

/// <summary>One message typed into a chat.</summary>
public sealed record ChatMessage(ChatKey Chat, ChatUser User, string Text);
