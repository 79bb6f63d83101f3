namespace ClaudBot.Intents.Semantic;

/// <summary>
/// The semantic tier's cut-offs, chosen with <c>claudbot bench intents --sweep</c> on 91 held-out phrasings written for
/// it (71 requests over the 18 intents, 20 negatives; none a catalogue example:
/// tests/ClaudBot.Intents.Semantic.Tests/Calibration/heldout.tsv), before the shared dev split existed. The patterns
/// alone read 47.3% of them right; patterns then semantic, by cut-offs (score / margin: accuracy, wrong semantic
/// readings): 0.45 / 0.00: 79.1%, 7 wrong; 0.45 / 0.04: 74.7%, 3; 0.50 / 0.00: 78.0%, 6; 0.50 / 0.04: 74.7%, 2;
/// 0.50 / 0.08: 71.4%, 1; 0.55 / 0.04: 70.3%, 2; 0.60 / 0.04: 65.9%, 1. A wrong reading costs more than none (then
/// the user rephrases, or the LLM tries), so a margin is required; 0.50 / 0.04 is the best accuracy with 2 wrong,
/// in the middle of the flat stretch (0.02–0.04). Recalibrate on the dev split: --split dev --sweep.
/// </summary>
public static class SemanticThresholds
{
    /// <summary>The least score: the mean cosine similarity of the intent's 2 nearest examples.</summary>
    public const double MinScore = 0.50;

    /// <summary>The least lead of the best intent's score over the next intent's.</summary>
    public const double MinMargin = 0.04;
}
