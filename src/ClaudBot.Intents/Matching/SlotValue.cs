using ClaudBot.Engine.Rules;
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

    /// <summary>For a written rule (typed, or a saved name): the rule, grids kept; <see cref="StrategyText"/> is its canonical text.</summary>
    public RuleTemplate? Rule { get; init; }

    /// <summary>The name the rule was saved under, when the slot gave that name.</summary>
    public string? SavedName { get; init; }

    public IReadOnlyList<string>? Symbols { get; init; }

    public DateSpan? Period { get; init; }

    /// <summary>A job id, or <c>last</c>.</summary>
    public string? Job { get; init; }

    /// <summary>For <see cref="SlotType.WholeNumber"/> the number; for <see cref="SlotType.WholeNumbers"/> the first of them.</summary>
    public int? Number { get; init; }

    /// <summary>For <see cref="SlotType.WholeNumbers"/>: every number said, in the order said.</summary>
    public IReadOnlyList<int>? Numbers { get; init; }

    /// <summary>For <see cref="SlotType.Execution"/>: the costs, slippage, size and whole shares said.</summary>
    public ExecutionPhrase? Execution { get; init; }

    /// <summary>For <see cref="SlotType.Parameters"/>: the settings said (<c>period</c>, <c>10</c>), values as written.</summary>
    public IReadOnlyList<(string Name, string Value)>? Parameters { get; init; }

    /// <summary>For <see cref="SlotType.Length"/>: the length said.</summary>
    public Engine.WalkForward.PeriodLength? Length { get; init; }

    /// <summary>For <see cref="SlotType.Enum"/> the value chosen; for <see cref="SlotType.Name"/> the name as typed.</summary>
    public string? Choice { get; init; }
}
