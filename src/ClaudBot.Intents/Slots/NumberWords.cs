namespace ClaudBot.Intents.Slots;

/// <summary>Small numbers written as words: <c>zero</c> to <c>hundred</c>, <c>twenty-one</c>, <c>twenty one</c>.</summary>
internal static class NumberWords
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    // Index i is (i + 2) * 10.
    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        text = text.Trim();
        if (text.Equals("hundred", StringComparison.OrdinalIgnoreCase)
            || text.Equals("a hundred", StringComparison.OrdinalIgnoreCase)
            || text.Equals("one hundred", StringComparison.OrdinalIgnoreCase))
        {
            value = 100;
            return true;
        }

        if (IndexOf(Units, text) is int unit and >= 0)
        {
            value = unit;
            return true;
        }

        int split = text.IndexOfAny('-', ' ');
        int tens = IndexOf(Tens, split < 0 ? text : text[..split]);
        if (tens < 0)
        {
            value = 0;
            return false;
        }

        value = (tens + 2) * 10;
        if (split < 0)
        {
            return true;
        }

        // "twenty-one", not "twenty-zero" or "twenty-twelve".
        int ones = IndexOf(Units, text[(split + 1)..]);
        if (ones is < 1 or > 9)
        {
            value = 0;
            return false;
        }

        value += ones;
        return true;
    }

    private static int IndexOf(string[] words, ReadOnlySpan<char> text)
    {
        for (int i = 0; i < words.Length; i++)
        {
            if (text.Equals(words[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
