using ClaudBot.Engine.Text;

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
            : $"\"{UserText.Excerpt(input)}\" is not a valid symbol: {Rule}";
    }
}
