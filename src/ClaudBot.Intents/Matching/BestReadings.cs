using ClaudBot.Intents.Catalog;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Keeps the best way of reading a phrase as each intent while the matcher finds them. Matches are scored as they
/// come, without building anything; only the best of each intent becomes a <see cref="Reading"/>.
/// </summary>
internal sealed class BestReadings(ReadingEvaluator evaluator)
{
    private readonly Dictionary<IntentDefinition, (ReadingScore Score, MatchState State)> _best = [];

    /// <summary>The intent whose pattern the matcher is matching now.</summary>
    public IntentDefinition? Intent { get; set; }

    public void Offer(MatchState state)
    {
        var intent = Intent ?? throw new InvalidOperationException("No intent is being matched.");
        // A match that could not beat the best so far even if every slot's value were valid is not scored: its slots are
        // never parsed. Once a request's right reading is found, its other splits mostly end here.
        bool found = _best.TryGetValue(intent, out var best);
        if (found && !evaluator.Bound(state).IsBetterThan(best.Score))
        {
            return;
        }

        var score = evaluator.Score(intent, state);
        if (!found || score.IsBetterThan(best.Score))
        {
            _best[intent] = (score, state);
        }
    }

    /// <summary>The best reading of each intent that matched, in the order the intents first matched.</summary>
    public IEnumerable<Reading> Readings() => _best.Select(b => evaluator.Evaluate(b.Key, b.Value.State));
}
