namespace ClaudBot.Intents.Slots;

/// <summary>
/// A slot with a fixed set of values (<c>worker</c>, <c>driver</c>...). Matches a value exactly, as a plural
/// (<c>workers</c>), or by a prefix of at least three letters that only one value starts with (<c>work</c>);
/// case does not matter. Abbreviations that are not prefixes (<c>drv</c>) are not guessed.
/// </summary>
public static class EnumSlot
{
    private const int MinPrefix = 3;

    /// <param name="value">The matching entry of <paramref name="values"/>, spelled as the catalogue spells it.</param>
    public static bool TryParse(string text, IReadOnlyList<string> values, out string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        value = string.Empty;
        ReadOnlySpan<char> typed = SlotText.Squeeze(text);
        if (typed.IsEmpty)
        {
            return false;
        }

        // Exact beats plural beats prefix, so "run" never becomes "running" when both are values.
        return TryFind(typed, values, Exact, out value)
            || TryFind(typed, values, Plural, out value)
            || (typed.Length >= MinPrefix && TryFindUnique(typed, values, out value));
    }

    private static bool Exact(ReadOnlySpan<char> typed, string candidate) =>
        typed.Equals(candidate, StringComparison.OrdinalIgnoreCase);

    private static bool Plural(ReadOnlySpan<char> typed, string candidate) =>
        (typed.EndsWith("s", StringComparison.OrdinalIgnoreCase) && Exact(typed[..^1], candidate))
        || (typed.EndsWith("es", StringComparison.OrdinalIgnoreCase) && Exact(typed[..^2], candidate));

    private static bool TryFind(ReadOnlySpan<char> typed, IReadOnlyList<string> values, Func<ReadOnlySpan<char>, string, bool> matches, out string value)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (matches(typed, values[i]))
            {
                value = values[i];
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    private static bool TryFindUnique(ReadOnlySpan<char> typed, IReadOnlyList<string> values, out string value)
    {
        value = string.Empty;
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i].AsSpan().StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            {
                if (value.Length > 0)
                {
                    value = string.Empty;
                    return false;
                }

                value = values[i];
            }
        }

        return value.Length > 0;
    }
}
