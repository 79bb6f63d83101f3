using Spectre.Console.Testing;

namespace ClaudBot.Tests.Support;

/// <summary>
/// Runs <c>claudbot</c> in-process with test consoles. Errors and notes go to a console wide enough
/// that each stays on one line, so tests can compare whole lines.
/// </summary>
internal static class Cli
{
    public const int ErrorWidth = 1_000;

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(outWidth: 100, args);

    public static async Task<CliResult> RunAsync(int outWidth, params string[] args)
    {
        using var output = new TestConsole().Width(outWidth).SupportsUnicode(true);
        using var error = new TestConsole().Width(ErrorWidth);
        using var raw = new StringWriter();
        int exitCode = await ClaudBotCli.RunAsync(args, new CliConsoles(output, error, raw), CancellationToken.None);
        return new CliResult(exitCode, output.Output, error.Output, raw.ToString());
    }
}
