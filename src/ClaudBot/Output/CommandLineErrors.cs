using ClaudBot.Engine.Text;

namespace ClaudBot.Output;

/// <summary>Rewords System.CommandLine's parse errors for people: no .NET type names, no argument quoted whole.</summary>
internal static class CommandLineErrors
{
    /// <param name="message">The parser's message.</param>
    /// <param name="tokens">What was typed: a long one quoted in the message is cut to an excerpt, so a 100 KB argument is not echoed back.</param>
    public static string Clean(string message, IEnumerable<string>? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (string token in tokens ?? [])
        {
            if (token.Length > UserText.MaxExcerpt)
            {
                message = message.Replace(token, UserText.Excerpt(token), StringComparison.Ordinal);
            }
        }

        return UserText.Clean(message
            .Replace("'System.Nullable`1[System.Double]'", "number", StringComparison.Ordinal)
            .Replace("'System.Double'", "number", StringComparison.Ordinal)
            .Replace("'System.Int32'", "whole number", StringComparison.Ordinal)
            .Replace("as expected type ", "as a ", StringComparison.Ordinal));
    }
}
