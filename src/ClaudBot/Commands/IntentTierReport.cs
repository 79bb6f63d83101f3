using System.Globalization;
using ClaudBot.Bench;
using ClaudBot.Intents.Llm;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Semantic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ClaudBot.Commands;

/// <summary>The tiers' part of <c>claudbot bench intents</c>: accuracy, confusions, latency and load time on one split.</summary>
internal static class IntentTierReport
{
    private const int Rounds = 5;

    public static async Task WriteAsync(
        IAnsiConsole console, IServiceProvider services, IReadOnlyList<EvaluationRow> rows, string split, bool sweep, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            console.MarkupLine($"[yellow]The split {Markup.Escape(split)} has no phrases: accuracy per tier skipped.[/]");
            return;
        }

        var matcher = services.GetRequiredService<IntentMatcher>();
        var tier = services.GetRequiredService<MiniLmIntentTier>();
        // Patterns then the semantic tier only: a configured LLM would make the figures depend on the endpoint.
        using var noLlm = new LlmIntentFallback(matcher, Options.Create(new LlmOptions()), TimeProvider.System, NullLogger<LlmIntentFallback>.Instance);
        var patterns = new IntentResolver(matcher, noLlm, TimeProvider.System);
        var resolver = new IntentResolver(matcher, noLlm, TimeProvider.System, tier);
        var figures = await TierBench.RunAsync(rows, matcher, tier, patterns, resolver, Rounds, cancellationToken).ConfigureAwait(false);

        var table = new Table().RoundedBorder().Title($"[bold]Intent tiers[/] [grey]({Markup.Escape(split)}, {figures.Rows} phrases)[/]")
            .AddColumn("Tiers").AddColumn(new TableColumn("accuracy").RightAligned())
            .AddColumn(new TableColumn("p50").RightAligned()).AddColumn(new TableColumn("p99").RightAligned());
        table.AddRow("patterns alone", Percent(figures.PatternAccuracy), Format($"{figures.PatternMicros.P50:0.0} µs"), Format($"{figures.PatternMicros.P99:0.0} µs"));
        table.AddRow(
            $"patterns, then semantic ({figures.SemanticAnswered} answered)", Percent(figures.SemanticAccuracy),
            Format($"{figures.SemanticMillis.P50:0.0} ms"), Format($"{figures.SemanticMillis.P99:0.0} ms"));
        console.Write(table);
        console.MarkupLine(Format($"Semantic model load (model and {tier.ExampleCount} example embeddings): {figures.LoadMilliseconds:0} ms; cut-offs: score ≥ {MiniLmIntentTier.MinScore:0.00}, margin ≥ {MiniLmIntentTier.MinMargin:0.00}"));
        console.MarkupLine(figures.Confusions.Count == 0
            ? "No confusions."
            : "Top confusions (expected → read): " + Markup.Escape(string.Join(", ", figures.Confusions.Select(c => $"{c.Expected} → {c.Read} ×{c.Count}"))));
        console.MarkupLine(Format($"Phrases meaning no intent read as a destructive one: patterns alone {figures.NegativesReadDestructiveByPatterns}, patterns then semantic {figures.NegativesReadDestructive} ({figures.NegativesReadDestructiveUnconfirmed} without a yes)"));
        var unknown = rows.Where(r => r.Intent is not null && matcher.Catalog.Find(r.Intent) is null).GroupBy(r => r.Intent!).ToList();
        if (unknown.Count > 0)
        {
            console.MarkupLine(Markup.Escape(Format(
                $"{unknown.Sum(g => g.Count())} phrases are of intents this catalogue lacks (counted wrong): {string.Join(", ", unknown.Select(g => $"{g.Key} ×{g.Count()}"))}")));
        }

        if (sweep)
        {
            var grid = new Table().RoundedBorder().Title("[bold]Semantic cut-offs[/] [grey](accuracy of patterns then semantic; wrong semantic readings)[/]")
                .AddColumn("min score").AddColumn("min margin").AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn(new TableColumn("wrong").RightAligned());
            foreach (var (score, margin, accuracy, wrong) in await TierBench.SweepAsync(rows, matcher, tier, patterns, cancellationToken).ConfigureAwait(false))
            {
                grid.AddRow(Format($"{score:0.00}"), Format($"{margin:0.00}"), Percent(accuracy), Format($"{wrong}"));
            }

            console.Write(grid);
        }
    }

    private static string Percent(double value) => Format($"{value * 100:0.0}%");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
