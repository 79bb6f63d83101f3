using System.Globalization;
using System.Text;

namespace ClaudBot.Engine.Strategies;

/// <summary>
/// A strategy with every parameter set (defaults filled in), in the definition's parameter order.
/// Its text form, <c>rsi(period=14, lower=30, upper=70)</c>, parses back to an equal value.
/// </summary>
public sealed class StrategyParameters : IEquatable<StrategyParameters>
{
    private readonly double[] _values;

    internal StrategyParameters(StrategyDefinition definition, double[] values)
    {
        Definition = definition;
        _values = values;
    }

    public StrategyDefinition Definition { get; }

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

    public override string ToString()
    {
        if (_values.Length == 0)
        {
            return Name;
        }

        var text = new StringBuilder(Name).Append('(');
        for (int i = 0; i < _values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(Definition.Parameters[i].Name).Append('=')
                .Append(_values[i].ToString("0.########", CultureInfo.InvariantCulture));
        }

        return text.Append(')').ToString();
    }

    public bool Equals(StrategyParameters? other) =>
        other is not null && other.Name == Name && other._values.AsSpan().SequenceEqual(_values);

    public override bool Equals(object? obj) => Equals(obj as StrategyParameters);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        foreach (double value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
