namespace ClaudBot.Intents.Semantic;

/// <summary>
/// The semantic tier's cut-offs, chosen with <c>claudbot bench intents --split dev --sweep</c> on the dev split of the
/// evaluation set (353 phrases, 83 of them none; 46 are of intents this catalogue lacks, so at most 87% can be right).
/// The patterns alone read 59.2% right; patterns then semantic, by cut-offs (score / margin: accuracy, wrong semantic
/// readings): 0.45 / 0.00: 74.8%, 25 wrong; 0.45 / 0.02: 74.8%, 16; 0.50 / 0.02: 74.5%, 13; 0.50 / 0.04: 74.2%, 12;
/// 0.50 / 0.06: 73.7%, 8; 0.55 / 0.06: 72.8%, 6; 0.55 / 0.10: 71.1%, 4. A wrong reading costs more than none (the
/// user rephrases, or the LLM tries), so 0.50 / 0.06 was taken: within 1.1 points of the best accuracy with half its
/// wrong readings. It agrees with the first calibration, on 91 phrasings written for the tier
/// (tests/ClaudBot.Intents.Semantic.Tests/Calibration/heldout.tsv: 47.3% patterns alone, 73.6% with 2 wrong).
/// </summary>
public static class SemanticThresholds
{
    /// <summary>The least score: the mean cosine similarity of the intent's 2 nearest examples.</summary>
    public const double MinScore = 0.50;

    /// <summary>The least lead of the best intent's score over the next intent's.</summary>
    public const double MinMargin = 0.06;
}
