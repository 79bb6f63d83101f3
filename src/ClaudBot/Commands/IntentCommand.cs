using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ClaudBot.Backtesting;
using ClaudBot.Intents.Llm;
using ClaudBot.Intents.Matching;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>
/// <c>claudbot intent [TEXT] [--json] [--today YYYY-MM-DD]</c>: what the bot understands from a phrase.
/// With no TEXT it reads one phrase per line from standard input and writes one result per line, in order.
/// </summary>
internal static class IntentCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var text = new Argument<string?>("text") { Description = "The phrase; omit to read phrases from standard input, one per line", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "One JSON object per phrase" };
        var today = new Option<string?>("--today") { Description = "Pretend today is this date (YYYY-MM-DD), for relative periods like 'last 3 years'" };
        var command = new Command("intent", "Show which intent and slots a phrase maps to.") { text, json, today };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(consoles, new Dictionary<string, string?>(), async (services, ct) =>
        {
            var resolver = services.GetRequiredService<IntentResolver>();
            DateOnly? day = parse.GetValue(today) is { } given ? InputDates.Parse(given, "today") : null;
            var phrases = parse.GetValue(text) is { } one ? [one] : await ReadLinesAsync(ct);
            foreach (string phrase in phrases)
            {
                var match = await resolver.ResolveAsync(phrase, day, ct);
                if (parse.GetValue(json))
                {
                    consoles.Raw.WriteLine(ToJson(match));
                }
                else
                {
                    Describe(consoles.Out, phrase, match);
                }
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    internal static string ToJson(IntentMatch match)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the output is read by people and scripts, never embedded in HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            IntentJsonWriter.Write(writer, match);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static async Task<List<string>> ReadLinesAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static void Describe(IAnsiConsole console, string phrase, IntentMatch match)
    {
        console.MarkupLine($"[bold]{Markup.Escape(phrase)}[/]");
        console.MarkupLine(match.Intent is null
            ? "  [yellow]no intent[/]"
            : $"  [green]{match.Intent}[/] ({match.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}, {match.Source})");
        foreach (var slot in match.Slots.Values)
        {
            console.MarkupLine($"  {slot.Name}: {Markup.Escape(slot.Text)}{(match.Defaulted.Contains(slot.Name) ? " [grey](default)[/]" : string.Empty)}");
        }

        foreach (string line in match.Missing.Select(m => $"missing: {m}").Concat(match.Alternatives.Select(a => $"or: {a}")).Concat(match.Suggestions).Concat(match.Notes))
        {
            console.MarkupLine($"  [grey]{Markup.Escape(line)}[/]");
        }

        if (match.Error is { } error)
        {
            console.MarkupLine($"  [red]{Markup.Escape(error)}[/]");
        }
    }
}
