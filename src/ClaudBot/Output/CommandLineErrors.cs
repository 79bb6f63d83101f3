namespace ClaudBot.Output;

/// <summary>Rewords System.CommandLine's parse errors for people: no .NET type names.</summary>
internal static class CommandLineErrors
{
    public static string Clean(string message) => message
        .Replace("'System.Nullable`1[System.Double]'", "number", StringComparison.Ordinal)
        .Replace("'System.Double'", "number", StringComparison.Ordinal)
        .Replace("'System.Int32'", "whole number", StringComparison.Ordinal)
        .Replace("as expected type ", "as a ", StringComparison.Ordinal);
}
