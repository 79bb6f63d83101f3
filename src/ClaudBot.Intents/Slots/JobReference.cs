namespace ClaudBot.Intents.Slots;

/// <summary>
/// The job slot: <c>17</c>, <c>#17</c>, <c>job 17</c>, <c>job #17</c>, a six-character id (<c>abc234</c>), or
/// <c>last</c> / <c>latest</c> / <c>the last one</c> / <c>most recent</c>, which all become <c>last</c>.
/// Anything with other characters is refused, so nothing but an id ever reaches a Redis key.
/// </summary>
public static class JobReference
{
    /// <summary>What every "the newest job" phrasing becomes.</summary>
    public const string Last = "last";

    private const int IdLength = 6;
    private const int MaxNumberDigits = 9;

    /// <param name="job">The id in lower case (<c>abc234</c>), the number (<c>17</c>), or <see cref="Last"/>.</param>
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

        // "job 17", "job #17", "job#17"; "job17" is not stripped, it could be an id's own letters.
        if (rest.StartsWith("job", StringComparison.OrdinalIgnoreCase) && rest.Length > 3 && rest[3] is ' ' or '#')
        {
            rest = rest[3..].TrimStart(' ');
        }

        if (rest.StartsWith('#'))
        {
            rest = rest[1..];
        }

        if (rest.Length is > 0 and <= MaxNumberDigits && !rest.ContainsAnyExceptInRange('0', '9'))
        {
            job = rest.ToString();
            return true;
        }

        // Ids are drawn from a-z and 2-9 without look-alikes, but 0 and 1 are let through here so a mistyped
        // id is answered with "no such job" rather than "I didn't understand".
        if (rest.Length == IdLength && IsIdText(rest))
        {
            job = rest.ToString().ToLowerInvariant();
            return true;
        }

        return false;
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

    private static bool IsIdText(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetter(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
