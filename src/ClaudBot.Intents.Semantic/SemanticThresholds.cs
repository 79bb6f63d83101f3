namespace ClaudBot.Intents.Semantic;

/// <summary>
/// The semantic tier's cut-offs, chosen with <c>claudbot bench intents --sweep</c> on 91 held-out phrasings written for
/// it (71 requests over the 18 intents, 20 negatives; none a catalogue example:
/// tests/ClaudBot.Intents.Semantic.Tests/Calibration/heldout.tsv), before the shared dev split existed. Patterns alone
/// read 46.2% right. Patterns then semantic: score 0.50 / margin 0.04 gives 71.4% with 3 wrong semantic readings;
/// 0.50 / 0.08 gives 70.3% with 1 wrong; lower scores (0.30–0.45) gain at most 3 phrases for 4–12 more wrong readings;
/// 0.60 falls to 62.6%. A wrong reading costs more than none (the user is asked to rephrase, or the LLM tries), so the
/// pair with the fewest wrong readings at the best accuracy was taken. Recalibrate on the dev split with --split dev.
/// </summary>
public static class SemanticThresholds
{
    /// <summary>The least score: the mean cosine similarity of the intent's 2 nearest examples.</summary>
    public const double MinScore = 0.50;

    /// <summary>The least lead of the best intent's score over the next intent's.</summary>
    public const double MinMargin = 0.08;
}
