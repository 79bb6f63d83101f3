using System.Collections.Immutable;

namespace ClaudBot.Intents.Matching;

/// <summary>Where one way of matching a pattern has got to: what it matched, captured and forgave so far.</summary>
internal sealed record MatchState(double LiteralScore, int Literals, int Skipped, ImmutableList<SlotSpan> Captures, ImmutableList<string> Typos)
{
    public static readonly MatchState Empty = new(0, 0, 0, [], []);
}

/// <summary>Tokens <c>[Start, Start + Length)</c> captured for a slot.</summary>
internal readonly record struct SlotSpan(string Name, int Start, int Length);
