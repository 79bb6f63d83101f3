namespace ClaudBot.Intents.Catalog;

/// <summary>A catalogue file that cannot load; the message names the file, the line and the reason.</summary>
public sealed class CatalogException : Exception
{
    public CatalogException(string file, long line, string reason)
        : base($"{file} line {line}: {reason}")
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public CatalogException()
    {
        File = string.Empty;
        Reason = string.Empty;
    }

    public CatalogException(string message)
        : base(message)
    {
        File = string.Empty;
        Reason = message;
    }

    public CatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Reason = message;
    }

    public string File { get; }

    public long Line { get; }

    public string Reason { get; }
}
