namespace ClaudBot.Engine.Strategies;

/// <summary>
/// Rules the user saved under a name (<c>save it as rsi2</c>, <c>claudbot strategies add</c>), usable wherever a
/// built-in's name is. The engine only reads them; the store that keeps them lives with the user's home folder.
/// </summary>
public interface ISavedRules
{
    /// <summary>Every saved name, in order.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>The rule text saved under <paramref name="name"/> (any case), or null.</summary>
    string? Find(string name);
}
