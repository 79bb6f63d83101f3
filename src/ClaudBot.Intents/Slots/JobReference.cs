using ClaudBot.Jobs;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// The job slot: an id (<c>k7m2qz</c>, <c>#k7m2qz</c>, <c>job k7m2qz</c>, <c>job #k7m2qz</c>; any case, as
/// typed), or <c>last</c> / <c>latest</c> / <c>the last one</c> / <c>most recent</c>, which all become
/// <c>last</c>. The id itself must follow <see cref="JobId"/>'s rule, the one the store makes ids by, so
/// nothing but an id ever reaches a Redis key.
/// </summary>
public static class JobReference
{
    /// <summary>What every "the newest job" phrasing becomes.</summary>
    public const string Last = "last";

    /// <param name="job">The id in lower case (<c>abc234</c>) or <see cref="Last"/>.</param>
    public static bool TryParse(string text, out string job)
    {
        ArgumentNullException.ThrowIfNull(text);
        job = string.Empty;
        ReadOnlySpan<char> rest = SlotText.Squeeze(text);
        if (IsLast(rest))
        {
            job = Last;
            return true;
        }

        // "job k7m2qz", "job #k7m2qz", "job#k7m2qz"; "jobk7m2qz" is not stripped, it could be an id's own letters.
        if (rest.StartsWith("job", StringComparison.OrdinalIgnoreCase) && rest.Length > 3 && rest[3] is ' ' or '#')
        {
            rest = rest[3..].TrimStart(' ');
        }

        if (rest.StartsWith('#'))
        {
            rest = rest[1..];
        }

        // People type ids in capitals (from a phone, or shouting); the id is the same, so ASCII case is folded
        // here, in the chat, and nowhere else (ToLowerInvariant would turn the Kelvin sign into a 'k').
        if (rest.Length == JobId.Length && JobId.TryParse(FoldAsciiCase(rest), out var id))
        {
            job = id.ToString();
            return true;
        }

        return false;
    }

    private static string FoldAsciiCase(ReadOnlySpan<char> text)
    {
        Span<char> folded = stackalloc char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            folded[i] = char.IsAsciiLetterUpper(text[i]) ? (char)(text[i] | 0x20) : text[i];
        }

        return new string(folded);
    }

    private static bool IsLast(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        if (text.EndsWith(" one", StringComparison.OrdinalIgnoreCase) || text.EndsWith(" job", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4];
        }

        return text.Equals("last", StringComparison.OrdinalIgnoreCase)
            || text.Equals("latest", StringComparison.OrdinalIgnoreCase)
            || text.Equals("most recent", StringComparison.OrdinalIgnoreCase);
    }
}
