using ClaudBot.Engine.Strategies;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Matching;

/// <summary>A slot's parsed value; exactly one of the typed properties is set, by <see cref="Type"/>.</summary>
public sealed record SlotValue(string Name, SlotType Type, string Text)
{
    /// <summary>Canonical strategy text (<c>rsi(period=10),macd</c>) and the parameter sets it expands to.</summary>
    public string? StrategyText { get; init; }

    public IReadOnlyList<StrategyParameters>? Strategies { get; init; }

    public IReadOnlyList<string>? Symbols { get; init; }

    public DateSpan? Period { get; init; }

    /// <summary>A job id, or <c>last</c>.</summary>
    public string? Job { get; init; }

    public int? Number { get; init; }

    public string? Choice { get; init; }
}
