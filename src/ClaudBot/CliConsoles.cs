using Spectre.Console;

namespace ClaudBot;

/// <summary>
/// Where the CLI writes: tables and progress to <see cref="Out"/>, notes and errors to
/// <see cref="Error"/>, machine output (JSON) unformatted to <see cref="Raw"/>. Tests pass their own.
/// </summary>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error, TextWriter Raw)
{
    public static CliConsoles System { get; } = new(Unwrapped(Console.Out, Console.IsOutputRedirected), Unwrapped(Console.Error, Console.IsErrorRedirected), Console.Out);

    // Redirected output has no width; Spectre would assume 80 columns and break every long line (a chart's
    // path, a message) where a script reading it would not expect a break.
    private static IAnsiConsole Unwrapped(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = 10_000;
        }

        return console;
    }
}
