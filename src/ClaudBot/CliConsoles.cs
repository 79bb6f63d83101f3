using Spectre.Console;

namespace ClaudBot;

/// <summary>
/// Where the CLI writes: tables and progress to <see cref="Out"/>, notes and errors to
/// <see cref="Error"/>, machine output (JSON) unformatted to <see cref="Raw"/>. Tests pass their own.
/// </summary>
internal sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Error, TextWriter Raw)
{
    public static CliConsoles System { get; } = new(
        AnsiConsole.Console,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
        Console.Out);
}
