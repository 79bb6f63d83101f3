using System.Buffers;
using System.Globalization;
using ClaudBot.Engine.Text;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// Whole-number slots (<c>top 5</c>, <c>with 8 workers</c>): digits (<c>12</c>, <c>1,000</c>, <c>-3</c>) or
/// small numbers in words (<c>ten</c>, <c>twenty-one</c>, <c>hundred</c>), checked against the slot's bounds.
/// </summary>
public static class IntegerSlot
{
    // More digits than any int; the value is then simply "too large" rather than an overflow.
    private const int MaxDigits = 12;

    private static readonly SearchValues<char> NumericChars = SearchValues.Create("0123456789.,e");

    /// <summary>
    /// Reads <paramref name="text"/> as a whole number within <paramref name="min"/>..<paramref name="max"/>.
    /// On false, <paramref name="error"/> always says why: not a number, not whole, or out of bounds (named).
    /// </summary>
    public static bool TryParse(string text, int min, int max, out int value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, max);
        value = 0;
        string trimmed = SlotText.Squeeze(text);
        if (!TryRead(trimmed, out long number, out error))
        {
            return false;
        }

        if (number < min || number > max)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{UserText.Excerpt(trimmed)} is out of range: it must be between {min:N0} and {max:N0}");
            return false;
        }

        value = (int)number;
        return true;
    }

    private static bool TryRead(string text, out long number, out string? error)
    {
        error = null;
        if (NumberWords.TryParse(text, out int small))
        {
            number = small;
            return true;
        }

        var digits = text.AsSpan();
        bool negative = digits.StartsWith('-');
        if (negative || digits.StartsWith('+'))
        {
            digits = digits[1..];
        }

        if (TryDigits(digits, out number))
        {
            number = negative ? -number : number;
            return true;
        }

        error = LooksNumeric(digits) ? $"{UserText.Excerpt(text)} is not a whole number" : $"'{UserText.Excerpt(text)}' is not a number";
        return false;
    }

    // 1234 or 1,234,567: commas only between groups of three.
    private static bool TryDigits(ReadOnlySpan<char> text, out long number)
    {
        number = 0;
        int sinceComma = -1;
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == ',')
            {
                if (i == 0 || (sinceComma >= 0 && sinceComma != 3) || (sinceComma < 0 && i > 3))
                {
                    return false;
                }

                sinceComma = 0;
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            sinceComma = sinceComma >= 0 ? sinceComma + 1 : sinceComma;
            if (++count <= MaxDigits)
            {
                number = (number * 10) + (c - '0');
            }
        }

        return count > 0 && sinceComma is -1 or 3;
    }

    // "3.5", "1,00", "2e3": meant as a number, just not a whole one we accept.
    private static bool LooksNumeric(ReadOnlySpan<char> text) =>
        !text.IsEmpty && char.IsAsciiDigit(text[0]) && !text.ContainsAnyExcept(NumericChars);
}
