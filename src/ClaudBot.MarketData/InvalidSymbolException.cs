namespace ClaudBot.MarketData;

/// <summary>
/// Text that cannot be a symbol at all (empty, too long, or with characters such as <c>/</c>,
/// <c>;</c> or spaces). Raised before any file name is formed, so user text never reaches a path.
/// </summary>
public sealed class InvalidSymbolException : MarketDataException
{
    public InvalidSymbolException(string input)
        : base(Describe(input))
    {
        Input = input;
    }

    public InvalidSymbolException()
    {
        Input = string.Empty;
    }

    public InvalidSymbolException(string input, Exception innerException)
        : base(Describe(input), innerException)
    {
        Input = input;
    }

    /// <summary>The rejected text as given (not sanitised; the message shows a sanitised copy).</summary>
    public string Input { get; }

    private static string Describe(string input)
    {
        const string Rule = "a symbol is 1 to 20 letters, digits, '&', '-' or '.', starting with a letter or digit (e.g. RELIANCE, M&M, BAJAJ-AUTO).";
        return string.IsNullOrWhiteSpace(input)
            ? $"An empty symbol is not a valid symbol: {Rule}"
            : $"\"{Sanitize(input)}\" is not a valid symbol: {Rule}";
    }

    // The text came from a chat user: cut it short and hide control characters before echoing it.
    private static string Sanitize(string input)
    {
        const int MaxShown = 32;
        var trimmed = input.Trim();
        var shown = trimmed.Length > MaxShown ? trimmed[..MaxShown] : trimmed;
        var chars = shown.Select(c => char.IsControl(c) ? '?' : c).ToArray();
        return new string(chars) + (trimmed.Length > MaxShown ? "..." : string.Empty);
    }
}
