namespace ClaudBot.Tests.Support;

/// <summary>What one run of the CLI produced on each of its outputs.</summary>
/// <param name="Out">Tables (the <c>Out</c> console).</param>
/// <param name="Error">Notes and errors (the <c>Error</c> console).</param>
/// <param name="Raw">Machine output: JSON and help text.</param>
public sealed record CliResult(int ExitCode, string Out, string Error, string Raw)
{
    /// <summary>The lines written to <see cref="Error"/>, without the final newline.</summary>
    public IReadOnlyList<string> ErrorLines => Lines(Error);

    public IReadOnlyList<string> OutLines => Lines(Out);

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
