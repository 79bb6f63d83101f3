using Spectre.Console;

namespace ClaudBot;

/// <summary>
/// Where the CLI writes: tables and progress to <see cref="Out"/>, notes and errors to
/// <see cref="Error"/>, machine output (JSON) unformatted to <see cref="Raw"/>. Tests pass their own.
/// </summary>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error, TextWriter Raw)
{
    public static CliConsoles System { get; } = new(AnsiConsole.Console, ErrorConsole(), Console.Out);

    // Redirected stderr has no width; Spectre would assume 80 columns and break every long message.
    private static IAnsiConsole ErrorConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            console.Profile.Width = 10_000;
        }

        return console;
    }
}
