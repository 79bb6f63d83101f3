namespace ClaudBot.Intents.Semantic;

/// <summary>
/// An intent guessed from a phrase's meaning: its similarity to the intent's nearest examples (cosine, -1..1)
/// and how far it is ahead of the next intent.
/// </summary>
public sealed record SemanticGuess(string Intent, double Score, double Margin)
{
    /// <summary>The <see cref="Matching.IntentMatch.Source"/> of the matches the semantic tier made.</summary>
    public const string Source = "semantic";
}
