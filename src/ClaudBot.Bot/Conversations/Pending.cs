using ClaudBot.Intents.Matching;

namespace ClaudBot.Bot.Conversations;

/// <summary>What a chat is waiting for from <see cref="UserId"/>: nothing else resolves it, and it expires.</summary>
internal abstract record Pending(string UserId, string Text, DateTimeOffset Expires)
{
    /// <summary>Whether a button carrying <paramref name="token"/> answers this.</summary>
    public bool Carries(string token) => this switch
    {
        PendingConfirmation confirmation => confirmation.Token == token,
        PendingChoice choice => choice.Options.Any(o => o.Token == token),
        _ => false,
    };
}

/// <summary>A yes/no before acting; <see cref="Token"/> is what the buttons carry and is used once.</summary>
internal sealed record PendingConfirmation(string Token, string UserId, string Text, IntentMatch Match, DateTimeOffset Expires)
    : Pending(UserId, Text, Expires);

/// <summary>A request missing a slot; the next message is read as the answer to its question.</summary>
internal sealed record PendingQuestion(string UserId, string Text, IntentMatch Partial, DateTimeOffset Expires)
    : Pending(UserId, Text, Expires);

/// <summary>A phrase that could mean several intents; the user picks one.</summary>
internal sealed record PendingChoice(string UserId, string Text, IReadOnlyList<(string Token, string Intent)> Options, DateTimeOffset Expires)
    : Pending(UserId, Text, Expires)
{
    /// <summary>The intent a typed answer picks: its number in the list, or its name or title; null for anything else.</summary>
    public string? Pick(string text)
    {
        string answer = text.Trim().TrimEnd('.', '?', '!');
        if (int.TryParse(answer, out int number) && number >= 1 && number <= Options.Count)
        {
            return Options[number - 1].Intent;
        }

        return Options.Select(o => o.Intent).FirstOrDefault(i =>
            string.Equals(i, answer, StringComparison.OrdinalIgnoreCase) || string.Equals(MatchText.Title(i), answer, StringComparison.OrdinalIgnoreCase));
    }
}
