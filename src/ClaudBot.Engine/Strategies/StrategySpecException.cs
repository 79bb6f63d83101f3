namespace ClaudBot.Engine.Strategies;

/// <summary>A strategy text that names an unknown strategy or parameter, or gives a bad value or grid.</summary>
public sealed class StrategySpecException : Exception
{
    /// <summary>
    /// Two lines, the text (or the part of it around the error) and a caret under the place the message names; null when
    /// the error is about the text as a whole. Shown under the one-line message where a terminal or chat can show it.
    /// </summary>
    public string? Caret { get; }

    /// <summary>The 1-based column of the text the message names (as "at column N" in it); null for the text as a whole.</summary>
    public int? Column { get; }

    public StrategySpecException(string message)
        : base(message)
    {
    }

    /// <summary>An error at one place in the text: <paramref name="caret"/> shows the text with a caret under that place.</summary>
    public StrategySpecException(string message, string caret, int? column = null)
        : base(message)
    {
        Caret = caret;
        Column = column;
    }

    public StrategySpecException()
    {
    }

    public StrategySpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
