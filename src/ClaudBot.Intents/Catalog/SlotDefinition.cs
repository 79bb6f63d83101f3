namespace ClaudBot.Intents.Catalog;

/// <summary>
/// A typed slot of an intent. A required slot without a value makes the bot ask <see cref="Question"/>;
/// an optional one takes <see cref="Default"/> (text parsed like user input, e.g. <c>last 3 years</c>).
/// </summary>
public sealed record SlotDefinition(string Name, SlotType Type, bool Required, string? Default, string Question)
{
    public int Min { get; init; } = 1;

    public int Max { get; init; } = 10_000;

    /// <summary>For <see cref="SlotType.Enum"/>: the allowed values.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}
