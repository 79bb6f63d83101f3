using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>
/// The exits a rule may end with, each once, in any order: <c>, stop 5%</c>, <c>, target 12%</c>, <c>, trail 8%</c>, also
/// written <c>with a 5% stop</c>, <c>stop loss at 5%</c> or <c>trailing stop of 3|5%</c>. Grids work as on any number.
/// </summary>
internal sealed partial class RuleReader
{
    private RuleExitSlots ReadExits()
    {
        var exits = new RuleExitSlots(null, null, null);
        while (Current.Kind != RuleTokenKind.End && StartsExit())
        {
            _ = Accept(",") || Accept(";");
            _ = Accept("with") || Accept("and");
            _ = Accept("a") || Accept("an");
            var at = Current;
            (string name, int slot) = Current.Kind == RuleTokenKind.Number ? ReadNumberFirst() : ReadNameFirst();
            if (exits[name] is not null)
            {
                throw Error(at.Index, $"the rule gives a {name} twice; the second starts at column {at.Column}");
            }

            CheckExit(name, slot);
            exits = name switch
            {
                "stop" => exits with { Stop = slot },
                "target" => exits with { Target = slot },
                _ => exits with { Trail = slot },
            };
        }

        return exits;
    }

    /// <summary>Whether the next words begin an exit: separators, then an exit's name or a number.</summary>
    private bool StartsExit()
    {
        int look = _position;
        while (_tokens[look].Is(",") || _tokens[look].Is(";") || _tokens[look].Is("with") || _tokens[look].Is("and") || _tokens[look].Is("a") || _tokens[look].Is("an"))
        {
            look++;
        }

        // A number after a separator starts "with a 5% stop"; anything else there would be an error anyway.
        return ExitName(_tokens[look]) is not null || (look > _position && _tokens[look].Kind == RuleTokenKind.Number);
    }

    /// <summary><c>stop [loss] [at|of] 5%</c>, <c>target 12%</c>, <c>trail[ing] [stop] 8%</c>.</summary>
    private (string Name, int Slot) ReadNameFirst()
    {
        var word = Current;
        string name = ExitName(word) ?? throw Error(word.Index, $"expected stop, target or trail at column {word.Column}, not '{Quote(word)}'");
        _position++;
        _ = Accept("loss") || Accept("stop");
        _ = Accept("at") || Accept("of");
        return (name, ReadValues(RuleSlotKind.Percent));
    }

    /// <summary><c>5% stop [loss]</c>, <c>12% target</c>, <c>8% trailing stop</c>.</summary>
    private (string Name, int Slot) ReadNumberFirst()
    {
        int slot = ReadValues(RuleSlotKind.Percent);
        var word = Current;
        string name = ExitName(word) ?? throw Error(word.Index, $"expected stop, target or trail after '{Quote(Previous)}' at column {word.Column}");
        _position++;
        _ = Accept("loss") || Accept("stop");
        return (name, slot);
    }

    private static string? ExitName(RuleToken token) =>
        token.Is("stop") || token.Is("stoploss") ? "stop"
        : token.Is("target") || token.Is("tp") ? "target"
        : token.Is("trail") || token.Is("trailing") ? "trail"
        : null;

    private void CheckExit(string name, int slot)
    {
        foreach (double percent in _slots[slot].Values)
        {
            if (ExitRules.Check(name, percent / 100) is { } problem)
            {
                int column = _slots[slot].Column;
                throw Error(column - 1, $"{problem.TrimEnd('.')} (column {column})");
            }
        }
    }
}
