namespace ClaudBot.Intents.Semantic;

/// <summary>
/// The tier between the patterns and the LLM: guesses the intent of a phrase the patterns could not read from
/// its meaning (nearest example phrasings of the catalogue), offline. It gives the intent only; the slots still
/// come from the typed slot parsers (<see cref="Llm.IntentResolver"/>).
/// </summary>
public interface ISemanticIntentTier
{
    /// <summary>The intent <paramref name="text"/> most likely means, or null when no intent is near enough.</summary>
    Task<SemanticGuess?> GuessAsync(string text, CancellationToken cancellationToken);
}
