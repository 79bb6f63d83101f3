using ClaudBot.Engine.Rules;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// What a strategies slot's text reads as: the canonical text the job carries and the parameter sets it expands to,
/// or the one-line error; for a written rule (typed, or saved under a name) also the rule's template, and for a rule
/// with an error the caret block (the text with '^' under the place the error names).
/// </summary>
public sealed record StrategyListReading(string Canonical, IReadOnlyList<StrategyParameters> Strategies, string? Error, string? Correction)
{
    /// <summary>The written rule, grids kept; null for a list of built-ins.</summary>
    public RuleTemplate? Rule { get; init; }

    /// <summary>The name the rule was saved under, when the text was that name.</summary>
    public string? SavedName { get; init; }

    /// <summary>Two lines, the rule and a caret under the error's column; null when the error is about the whole text.</summary>
    public string? Caret { get; init; }
}
