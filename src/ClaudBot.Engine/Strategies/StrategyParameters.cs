using System.Globalization;
using System.Text;
using ClaudBot.Engine.Rules;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Strategies;

/// <summary>
/// A strategy with every parameter set (defaults filled in), in the definition's parameter order.
/// Its text form, <c>rsi(period=14, lower=30, upper=70)</c>, parses back to an equal value. A rule the user wrote is a
/// strategy too: then <see cref="Rule"/> is set and the text form is the rule's canonical text. Either may carry
/// <see cref="Exits"/>: <c>rsi(period=14, lower=30, upper=70, stop=4%)</c>, or a rule ending <c>, stop 4%</c>.
/// </summary>
public sealed class StrategyParameters : IEquatable<StrategyParameters>
{
    private readonly double[] _values;

    internal StrategyParameters(StrategyDefinition definition, double[] values, ExitRules exits = default)
    {
        Definition = definition;
        _values = values;
        Exits = exits;
    }

    internal StrategyParameters(Rule rule)
    {
        Definition = StrategyCatalog.WrittenRule;
        _values = [];
        Rule = rule;
        Exits = rule.Exits;
    }

    public StrategyDefinition Definition { get; }

    /// <summary>The rule, when this strategy is one the user wrote; null for a built-in.</summary>
    public Rule? Rule { get; }

    public string Name => Definition.Name;

    /// <summary>The stop, target and trailing stop this strategy exits on besides its own signal (none by default).</summary>
    public ExitRules Exits { get; }

    /// <summary>This built-in with other exits; throws <see cref="StrategySpecException"/> when one is out of range.</summary>
    public StrategyParameters WithExits(ExitRules exits)
    {
        if (Rule is not null)
        {
            throw new StrategySpecException("A rule's exits are written in it: end it with ', stop 4%' (or target, trail).");
        }

        return exits.Problem() is { } problem ? throw new StrategySpecException(problem) : new StrategyParameters(Definition, _values, exits);
    }

    /// <summary>Parameter names and values in definition order.</summary>
    public IEnumerable<KeyValuePair<string, double>> Values =>
        Definition.Parameters.Select((p, i) => new KeyValuePair<string, double>(p.Name, _values[i]));

    public double this[string name]
    {
        get
        {
            int index = Definition.IndexOf(name);
            return index >= 0 ? _values[index] : throw new KeyNotFoundException($"{Name} has no parameter '{name}'.");
        }
    }

    internal int Int(int index) => (int)_values[index];

    internal double Real(int index) => _values[index];

    /// <summary>Every parameter: <c>rsi(period=14, lower=30, upper=70)</c>.</summary>
    public override string ToString() => Rule?.Text ?? Format(onlyChanged: false);

    /// <summary>Only parameters that differ from the defaults: <c>rsi(period=10)</c>, or just <c>rsi</c>.</summary>
    public string ToShortString() => Rule?.Text ?? Format(onlyChanged: true);

    private string Format(bool onlyChanged)
    {
        var text = new StringBuilder(Name);
        string separator = "(";
        for (int i = 0; i < _values.Length; i++)
        {
            var parameter = Definition.Parameters[i];
            if (onlyChanged && _values[i] == parameter.Default)
            {
                continue;
            }

            text.Append(separator).Append(parameter.Name).Append('=')
                .Append(_values[i].ToString("0.########", CultureInfo.InvariantCulture));
            separator = ", ";
        }

        foreach (string exit in ExitRules.Names)
        {
            if (Exits[exit] is { } fraction)
            {
                text.Append(separator).Append(exit).Append('=').Append(ExitRules.Percent(fraction));
                separator = ", ";
            }
        }

        return separator == "(" ? text.ToString() : text.Append(')').ToString();
    }

    public bool Equals(StrategyParameters? other) =>
        other is not null && other.Name == Name && other.Exits == Exits && other._values.AsSpan().SequenceEqual(_values) && Equals(other.Rule, Rule);

    public override bool Equals(object? obj) => Equals(obj as StrategyParameters);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(Rule);
        hash.Add(Exits);
        foreach (double value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
