namespace ClaudBot.Intents.Semantic;

/// <summary>
/// The semantic tier's cut-offs, chosen with <c>claudbot bench intents --sweep</c> on 91 held-out phrasings written for
/// it (71 requests over the 18 intents, 20 negatives; none a catalogue example:
/// tests/ClaudBot.Intents.Semantic.Tests/Calibration/heldout.tsv), before the shared dev split existed. Patterns alone
/// read 46.2% of them right; patterns then semantic, by cut-offs (score / margin: accuracy, wrong semantic readings):
/// 0.45 / 0.00: 76.9%, 7 wrong; 0.45 / 0.06: 72.5%, 2; 0.50 / 0.02: 71.4%, 2; 0.50 / 0.06: 71.4%, 1; 0.50 / 0.08: 69.2%, 1;
/// 0.60 / 0.06: 63.7%, 1. A wrong reading costs more than none (then the user rephrases, or the LLM tries), so the
/// pair with a single wrong reading at the best accuracy was taken. Recalibrate on the dev split: --split dev --sweep.
/// </summary>
public static class SemanticThresholds
{
    /// <summary>The least score: the mean cosine similarity of the intent's 2 nearest examples.</summary>
    public const double MinScore = 0.50;

    /// <summary>The least lead of the best intent's score over the next intent's.</summary>
    public const double MinMargin = 0.06;
}
