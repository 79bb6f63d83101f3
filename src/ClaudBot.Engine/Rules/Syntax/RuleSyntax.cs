namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>The two shapes a rule takes: separate entry and exit conditions, or one condition to be long while it holds.</summary>
public enum RuleForm
{
    /// <summary><c>buy when A, sell when B</c>: enter after a bar where A holds, exit after a bar where B holds.</summary>
    BuySell,

    /// <summary><c>hold while C</c>: long after bars where C holds, flat after bars where it does not.</summary>
    HoldWhile,
}

/// <summary>
/// A parsed rule. Every number in it is a slot (an index into <see cref="RuleTemplate.Slots"/>), so one tree
/// serves every point of a grid: a concrete <see cref="Rule"/> is the tree plus one value per slot.
/// </summary>
/// <param name="Form">Buy/sell or hold-while.</param>
/// <param name="Entry">The buy condition, or the hold-while condition.</param>
/// <param name="Exit">The sell condition; null for hold-while.</param>
public sealed record RuleSyntax(RuleForm Form, Condition Entry, Condition? Exit)
{
    /// <summary>The slots of the stop, target and trail written after the conditions (<c>, stop 5%</c>); none by default.</summary>
    public RuleExitSlots Exits { get; init; }
}

/// <summary>The slot of each exit a rule ends with, in percent; null where the rule has none.</summary>
public readonly record struct RuleExitSlots(int? Stop, int? Target, int? Trail)
{
    /// <summary>The slot of the exit called <paramref name="name"/> (see <see cref="Simulation.ExitRules.Names"/>).</summary>
    public int? this[string name] => name switch
    {
        "stop" => Stop,
        "target" => Target,
        _ => Trail,
    };
}
