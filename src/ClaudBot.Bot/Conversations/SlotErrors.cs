using ClaudBot.Bot.Replies;
using ClaudBot.Intents.Matching;

namespace ClaudBot.Bot.Conversations;

/// <summary>
/// A rejected slot as reply parts: the one-line reason, and for a written rule its caret block (the rule with '^' under
/// the column the reason names) in a fixed-width font, so the caret stays under the right character in every channel.
/// </summary>
internal static class SlotErrors
{
    /// <summary>The reason, then the caret block when there is one, then <paramref name="then"/> (a question) when given.</summary>
    public static IReadOnlyList<ReplyPart> Parts(string error, string? then = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        int newline = error.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0)
        {
            return [new TextPart(then is null ? error : $"{error} {then}", ReplyTone.Error)];
        }

        var parts = new List<ReplyPart> { new TextPart(error[..newline], ReplyTone.Error), new BlockPart(error[(newline + 1)..]) };
        if (then is not null)
        {
            parts.Add(new TextPart(then));
        }

        return parts;
    }

    /// <summary>
    /// When the only thing wrong is a written rule (an error with a caret), the same request waiting for the rule again:
    /// the trader fixes the rule without retyping the symbols and period. Null for any other rejection. (A rejected
    /// required slot is also listed as missing; it is asked for first, once.)
    /// </summary>
    public static IntentMatch? AwaitingRule(IntentMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Error is { } error && error.Contains('\n', StringComparison.Ordinal) && match.Invalid.Count == 1 && match.Invalid.ContainsKey("strategies")
            ? match with { Error = null, Invalid = new Dictionary<string, string>(), Missing = ["strategies", .. match.Missing.Where(m => m != "strategies")] }
            : null;
    }
}
