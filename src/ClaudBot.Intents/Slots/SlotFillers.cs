namespace ClaudBot.Intents.Slots;

/// <summary>
/// Drops the words that label a strategies or symbols slot rather than fill it ("rsi strategy", "using rsi", "of rsi",
/// "symbols TCS and INFY") from both ends of the slot's text, so they are never read as a strategy or a symbol. Only
/// the ends: inside a list or a written rule every word is the user's. Text that is nothing but such words is left
/// whole, so its error names what was typed.
/// </summary>
internal static class SlotFillers
{
    public static string Trim(string text, IReadOnlySet<string> fillers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fillers);
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int first = 0;
        int last = words.Length - 1;
        while (first <= last && IsFiller(words[first], fillers))
        {
            first++;
        }

        while (last >= first && IsFiller(words[last], fillers))
        {
            last--;
        }

        // A label's own punctuation goes with it: "strategy rsi, symbols TCS" leaves "rsi", not "rsi,".
        return first > last ? text : string.Join(' ', words, first, last - first + 1).Trim(',', ';', ':', ' ');
    }

    // "strategy," and "symbols:" are labels too.
    private static bool IsFiller(string word, IReadOnlySet<string> fillers) =>
        fillers.Contains(word.Trim(',', ':', ';').ToLowerInvariant());
}
