namespace ClaudBot.Intents.Slots;

/// <summary>
/// Drops the words that label a strategies or symbols slot rather than fill it ("rsi strategy", "using rsi", "of rsi",
/// "symbols TCS and INFY") from both ends of the slot's text, so they are never read as a strategy or a symbol. Only
/// the ends: inside a list or a written rule every word is the user's. Text that is nothing but such words is left
/// whole, so its error names what was typed. Runs for every split of every reading: it looks at the end words in place
/// and allocates only when it trims.
/// </summary>
internal sealed class SlotFillers
{
    private static readonly char[] Punctuation = [',', ':', ';'];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;

    public SlotFillers(IReadOnlySet<string> fillers)
    {
        ArgumentNullException.ThrowIfNull(fillers);
        _words = new HashSet<string>(fillers, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Trim(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().Trim();
        int start = 0;
        int end = span.Length;
        while (start < end && IsFiller(Word(span[start..end], out int length)))
        {
            start = SkipSpaces(span, start + length);
        }

        while (end > start && IsFiller(LastWord(span[start..end], out int length)))
        {
            end = TrimSpacesEnd(span, end - length);
        }

        if (start >= end)
        {
            return text;
        }

        // A label's own punctuation goes with it: "strategy rsi, symbols TCS" leaves "rsi", not "rsi,".
        var kept = span[start..end].Trim(Punctuation).Trim();
        return kept.Length == text.Length ? text : kept.ToString();
    }

    // "strategy," and "symbols:" are labels too.
    private bool IsFiller(ReadOnlySpan<char> word) => _words.Contains(word.Trim(Punctuation));

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> text, out int length)
    {
        int space = text.IndexOf(' ');
        length = space < 0 ? text.Length : space;
        return text[..length];
    }

    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> text, out int length)
    {
        int space = text.LastIndexOf(' ');
        length = text.Length - space - 1;
        return text[(space + 1)..];
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static int TrimSpacesEnd(ReadOnlySpan<char> text, int end)
    {
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }
}
