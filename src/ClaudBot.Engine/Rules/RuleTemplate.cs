using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules;

/// <summary>A parsed rule whose numbers may be grids; expanding it gives one <see cref="Rule"/> per combination.</summary>
public sealed class RuleTemplate
{
    internal RuleTemplate(RuleSyntax syntax, IReadOnlyList<RuleSlot> slots)
    {
        Syntax = syntax;
        Slots = slots;
    }

    public RuleSyntax Syntax { get; }

    public IReadOnlyList<RuleSlot> Slots { get; }

    /// <summary>How many concrete rules the grids give (1 when the rule has no grid).</summary>
    public long Combinations => Slots.Aggregate(1L, (product, slot) => product * slot.Values.Count);

    /// <summary>The canonical text with each grid written as its list of values (<c>rsi(2|4|6) &lt; 5|10</c>).</summary>
    public string Text => RuleFormatter.FormatTemplate(Syntax, Slots);

    /// <summary>Every combination, the first slot varying slowest (as the built-in grids expand).</summary>
    public IEnumerable<Rule> Expand()
    {
        var indices = new int[Slots.Count];
        while (true)
        {
            var values = new double[Slots.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Slots[i].Values[indices[i]];
            }

            yield return new Rule(this, values);
            int slot = indices.Length - 1;
            while (slot >= 0 && ++indices[slot] == Slots[slot].Values.Count)
            {
                indices[slot--] = 0;
            }

            if (slot < 0)
            {
                yield break;
            }
        }
    }
}
