using ClaudBot.Intents.Matching;

namespace ClaudBot.Bot.Conversations;

/// <summary>What a chat is waiting for from <see cref="UserId"/>: nothing else resolves it, and it expires.</summary>
internal abstract record Pending(string UserId, string Text, DateTimeOffset Expires);

/// <summary>A yes/no before acting; <see cref="Token"/> is what the buttons carry and is used once.</summary>
internal sealed record PendingConfirmation(string Token, string UserId, string Text, IntentMatch Match, DateTimeOffset Expires)
    : Pending(UserId, Text, Expires);

/// <summary>A request missing a slot; the next message is read as the answer to its question.</summary>
internal sealed record PendingQuestion(string UserId, string Text, IntentMatch Partial, DateTimeOffset Expires)
    : Pending(UserId, Text, Expires);

/// <summary>A phrase that could mean several intents; the user picks one.</summary>
internal sealed record PendingChoice(string UserId, string Text, IReadOnlyList<(string Token, string Intent)> Options, DateTimeOffset Expires)
    : Pending(UserId, Text, Expires);
