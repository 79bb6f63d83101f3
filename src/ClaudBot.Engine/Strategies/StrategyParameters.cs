using System.Globalization;
using System.Text;
using ClaudBot.Engine.Rules;

namespace ClaudBot.Engine.Strategies;

/// <summary>
/// A strategy with every parameter set (defaults filled in), in the definition's parameter order.
/// Its text form, <c>rsi(period=14, lower=30, upper=70)</c>, parses back to an equal value. A rule the user wrote is a
/// strategy too: then <see cref="Rule"/> is set and the text form is the rule's canonical text.
/// </summary>
public sealed class StrategyParameters : IEquatable<StrategyParameters>
{
    private readonly double[] _values;

    internal StrategyParameters(StrategyDefinition definition, double[] values)
    {
        Definition = definition;
        _values = values;
    }

    internal StrategyParameters(Rule rule)
    {
        Definition = StrategyCatalog.WrittenRule;
        _values = [];
        Rule = rule;
    }

    public StrategyDefinition Definition { get; }

    /// <summary>The rule, when this strategy is one the user wrote; null for a built-in.</summary>
    public Rule? Rule { get; }

    public string Name => Definition.Name;

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

        return separator == "(" ? text.ToString() : text.Append(')').ToString();
    }

    public bool Equals(StrategyParameters? other) =>
        other is not null && other.Name == Name && other._values.AsSpan().SequenceEqual(_values) && Equals(other.Rule, Rule);

    public override bool Equals(object? obj) => Equals(obj as StrategyParameters);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(Rule);
        foreach (double value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
