using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules;

/// <summary>
/// One concrete rule: a parsed tree with one value per number. Its text is canonical (lower case, single spaces,
/// parentheses only where precedence needs them), parses back to an equal rule, and is how the rule travels to
/// workers and appears in results.
/// </summary>
public sealed class Rule : IEquatable<Rule>
{
    private readonly double[] _values;

    internal Rule(RuleTemplate template, double[] values)
    {
        Template = template;
        _values = values;
        Text = RuleFormatter.Format(template.Syntax, values);
        var slots = template.Syntax.Exits;
        Exits = new Simulation.ExitRules(Fraction(slots.Stop), Fraction(slots.Target), Fraction(slots.Trail));
    }

    /// <summary>The stop, target and trail the rule ends with (<c>, stop 5%</c>), as fractions.</summary>
    public Simulation.ExitRules Exits { get; }

    public RuleTemplate Template { get; }

    public RuleSyntax Syntax => Template.Syntax;

    /// <summary>The canonical text of this rule, every grid replaced by this rule's value.</summary>
    public string Text { get; }

    /// <summary>The value of a number slot.</summary>
    public double Value(int slot) => _values[slot];

    /// <summary>The value of a slot that holds a whole number (a period or a lag).</summary>
    public int Whole(int slot) => (int)_values[slot];

    public override string ToString() => Text;

    private double? Fraction(int? slot) => slot is { } index ? _values[index] / 100 : null;

    public bool Equals(Rule? other) => other is not null && string.Equals(other.Text, Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Rule);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}
