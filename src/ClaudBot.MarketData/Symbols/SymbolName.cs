namespace ClaudBot.MarketData.Symbols;

/// <summary>
/// The strict shape of a symbol: 1 to 20 of <c>A-Z 0-9 &amp; - .</c>, starting with a letter or digit.
/// Nothing else becomes part of a file name, so no user text can reach outside the data directory.
/// </summary>
internal static class SymbolName
{
    public const int MaxLength = 20;

    /// <summary>Trims and upper-cases user text.</summary>
    public static string Normalize(string text) => text.Trim().ToUpperInvariant();

    public static bool IsValid(ReadOnlySpan<char> symbol)
    {
        if (symbol.IsEmpty || symbol.Length > MaxLength || !IsLetterOrDigit(symbol[0]))
        {
            return false;
        }

        foreach (char c in symbol)
        {
            if (!IsLetterOrDigit(c) && c is not ('&' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Normalizes and validates user text.</summary>
    /// <exception cref="InvalidSymbolException">The text cannot be a symbol.</exception>
    public static string Validate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string symbol = Normalize(text);
        return IsValid(symbol) ? symbol : throw new InvalidSymbolException(text);
    }

    private static bool IsLetterOrDigit(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
}
