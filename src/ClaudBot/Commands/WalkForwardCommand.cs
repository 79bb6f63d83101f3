using System.CommandLine;
using System.Globalization;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Hosting;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot walkforward STRATEGIES SYMBOLS FROM TO --in LENGTH --out LENGTH [--step] [--anchored] [--objective]
/// [--min-trades] [--no-wait] [--json]</c>: the chat's <c>walk forward ...</c> phrase, through the same engine
/// (validation, audit), followed to its report like <c>claudbot submit</c>. The settings are read and checked here first,
/// so a bad length is the option's error, not a misread phrase.
/// </summary>
internal static class WalkForwardCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var strategies = new Argument<string>("strategies") { Description = "A strategy with a grid, e.g. \"rsi(period=5..30, lower=20..35 step 5)\"" };
        var symbols = new Argument<string>("symbols") { Description = "e.g. TCS,INFY or nifty50" };
        var from = new Argument<string>("from") { Description = "First day, YYYY-MM-DD" };
        var to = new Argument<string>("to") { Description = "Last day, YYYY-MM-DD" };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the job id and exit without following it" };
        var json = SayCommand.JsonOption();
        var settings = new WalkForwardOptionSet(implied: true);
        var command = new Command("walkforward", "Walk-forward a strategy's grid on the cluster: pick the best on each window's in-sample part, trade it out-of-sample, stitch the parts (docs/walk-forward.md).")
        {
            strategies, symbols, from, to, noWait, json,
        };
        settings.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            WalkForwardSettings asked;
            try
            {
                asked = settings.Read(parse)!;
            }
            catch (FormatException bad)
            {
                consoles.Error.MarkupLine($"[red]Error:[/] {Markup.Escape(bad.Message)}");
                return ExitCodes.BadInput;
            }

            string phrase = $"walk forward {parse.GetValue(strategies)} on {parse.GetValue(symbols)} from {parse.GetValue(from)} to {parse.GetValue(to)} {Phrase(asked)}";
            return await SayCommand.RunAsync(consoles, phrase, yes: false, follow: !parse.GetValue(noWait), json: parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    /// <summary>The settings as the walk_forward intent reads them: "with 2 years in and 6 months out every 6 months anchored picked by cagr at least 3 trades".</summary>
    internal static string Phrase(WalkForwardSettings settings) => string.Create(
        CultureInfo.InvariantCulture,
        $"with {settings.InSample} in and {settings.OutOfSample} out{(settings.Step is { } step ? $" every {step}" : string.Empty)}{(settings.Anchored ? " anchored" : string.Empty)} picked by {settings.Objective} at least {settings.MinTrades} trades");
}
