namespace ClaudBot.Intents.Patterns;

/// <summary>A pattern that cannot compile; the message says where in the pattern and why.</summary>
public sealed class PatternSyntaxException : Exception
{
    public PatternSyntaxException(string message)
        : base(message)
    {
    }

    public PatternSyntaxException()
    {
    }

    public PatternSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
