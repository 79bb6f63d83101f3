namespace ClaudBot.Testing;

/// <summary>Rendered text that is not what its expected file holds; the message carries the diff.</summary>
public sealed class ExpectedFileMismatchException : Exception
{
    public ExpectedFileMismatchException()
    {
    }

    public ExpectedFileMismatchException(string message)
        : base(message)
    {
    }

    public ExpectedFileMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
