namespace ClaudBot.Intents.Patterns;

/// <summary>One element of a compiled pattern.</summary>
internal abstract record PatternNode;

/// <summary>A literal word, compared after normalisation and forgiving small typos.</summary>
internal sealed record WordNode(string Word) : PatternNode;

/// <summary><c>{name}</c>: one or more words captured for a slot.</summary>
internal sealed record SlotNode(string Name) : PatternNode;

/// <summary><c>[ ... ]</c>: may be absent.</summary>
internal sealed record OptionalNode(IReadOnlyList<PatternNode> Body) : PatternNode;

/// <summary><c>(a | b c)</c>: exactly one of the alternatives.</summary>
internal sealed record ChoiceNode(IReadOnlyList<IReadOnlyList<PatternNode>> Alternatives) : PatternNode;
