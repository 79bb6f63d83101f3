using System.Diagnostics;
using ClaudBot.Intents.Llm;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Semantic;

namespace ClaudBot.Bench;

/// <summary>
/// Accuracy, confusions and latency of the pattern and semantic tiers on an evaluation split (<see cref="TierFigures"/>),
/// and the sweep of the semantic tier's cut-offs its constants were chosen from.
/// </summary>
internal static class TierBench
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    /// <param name="patterns">The patterns alone, as the bot reads them (no semantic tier, no LLM).</param>
    /// <param name="resolver">Patterns then <paramref name="tier"/>, with no LLM.</param>
    public static async Task<TierFigures> RunAsync(
        IReadOnlyList<EvaluationRow> rows, IntentMatcher matcher, MiniLmIntentTier tier, IntentResolver patterns, IntentResolver resolver, int rounds, CancellationToken cancellationToken)
    {
        int patternRight = 0, semanticRight = 0, answered = 0, destructive = 0, unconfirmed = 0, patternDestructive = 0;
        var confusions = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var pattern = await patterns.ResolveAsync(row.Text, Today, cancellationToken).ConfigureAwait(false);
            patternRight += Same(pattern.Intent, row.Intent) ? 1 : 0;
            patternDestructive += row.Intent is null && pattern.Intent is { } patternRead && matcher.Catalog.Find(patternRead)?.Confirm == true ? 1 : 0;
            var resolved = await resolver.ResolveAsync(row.Text, Today, cancellationToken).ConfigureAwait(false);
            semanticRight += Same(resolved.Intent, row.Intent) ? 1 : 0;
            answered += resolved.Source == SemanticGuess.Source ? 1 : 0;
            if (row.Intent is null && resolved.Intent is { } read && matcher.Catalog.Find(read)?.Confirm == true)
            {
                destructive++;
                unconfirmed += resolver.RequiresConfirmation(resolved) ? 0 : 1;
            }

            if (!Same(resolved.Intent, row.Intent))
            {
                var key = (row.Intent ?? "-", resolved.Intent ?? "-");
                confusions[key] = confusions.GetValueOrDefault(key) + 1;
            }
        }

        // Each tier timed on its own, so neither's figures carry the other's garbage collections.
        // The phrases the patterns leave unread are those the semantic tier is timed on.
        var patternTimes = new List<double>();
        var unmatched = new List<EvaluationRow>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (var row in rows)
            {
                long start = Stopwatch.GetTimestamp();
                var match = matcher.Match(row.Text, Today);
                patternTimes.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                if (round == 0 && match.Intent is null)
                {
                    unmatched.Add(row);
                }
            }
        }

        var semanticTimes = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (var row in unmatched)
            {
                long start = Stopwatch.GetTimestamp();
                await tier.GuessAsync(row.Text, cancellationToken).ConfigureAwait(false);
                semanticTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var top = confusions.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(8).Select(c => (c.Key.Item1, c.Key.Item2, c.Value)).ToList();
        return new TierFigures(
            rows.Count, (double)patternRight / rows.Count, (double)semanticRight / rows.Count, answered, top,
            Percentiles.Of(patternTimes), Percentiles.Of(semanticTimes), tier.LoadTime.TotalMilliseconds, patternDestructive, destructive, unconfirmed);
    }

    /// <summary>
    /// Accuracy (patterns then semantic) and wrong semantic readings for each pair of cut-offs: each phrase the
    /// patterns cannot read is embedded once and its ranking reused.
    /// </summary>
    public static async Task<IReadOnlyList<(double MinScore, double MinMargin, double Accuracy, int Wrong)>> SweepAsync(
        IReadOnlyList<EvaluationRow> rows, IntentMatcher matcher, MiniLmIntentTier tier, IntentResolver patterns, CancellationToken cancellationToken)
    {
        var readings = new List<(string Text, string? Expected, string? Pattern, IReadOnlyList<(string Intent, double Score)>? Ranked)>();
        foreach (var row in rows)
        {
            var pattern = await patterns.ResolveAsync(row.Text, Today, cancellationToken).ConfigureAwait(false);
            bool reaches = matcher.Match(row.Text, Today).Intent is null && !PhraseGuard.Refuses(row.Text);
            readings.Add((row.Text, row.Intent, pattern.Intent, reaches ? await tier.RankAsync(row.Text, cancellationToken).ConfigureAwait(false) : null));
        }

        var sweep = new List<(double, double, double, int)>();
        for (double score = 0.30; score <= 0.701; score += 0.05)
        {
            foreach (double margin in (double[])[0, 0.02, 0.04, 0.06, 0.08, 0.10])
            {
                int right = 0, wrong = 0;
                foreach (var (text, expected, pattern, ranked) in readings)
                {
                    string? read = ranked is null ? pattern : Guess(ranked, score, margin);
                    // As the resolver: a destructive intent only when the phrase holds one of its patterns' words.
                    if (ranked is not null && read is not null && matcher.Catalog.Find(read) is { Confirm: true } destructive
                        && !PatternVocabulary.Shares(text, destructive, matcher.Catalog.Fillers))
                    {
                        read = null;
                    }

                    right += Same(read, expected) ? 1 : 0;
                    wrong += ranked is not null && read is not null && !Same(read, expected) ? 1 : 0;
                }

                sweep.Add((Math.Round(score, 2), margin, (double)right / readings.Count, wrong));
            }
        }

        return sweep;
    }

    private static string? Guess(IReadOnlyList<(string Intent, double Score)> ranked, double score, double margin) =>
        ranked[0].Score >= score && ranked[0].Score - ranked[1].Score >= margin ? ranked[0].Intent : null;

    private static bool Same(string? read, string? expected) => string.Equals(read, expected, StringComparison.Ordinal);
}
