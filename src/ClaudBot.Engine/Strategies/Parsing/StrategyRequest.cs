using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Strategies.Parsing;

/// <summary>
/// One strategy as the user asked for it: a value list per parameter (one value, or a grid), and per exit. Expanding
/// it gives every valid combination; combinations that break a cross-parameter rule are dropped and counted.
/// </summary>
public sealed class StrategyRequest
{
    internal StrategyRequest(StrategyDefinition definition, IReadOnlyList<double[]> values, string text, IReadOnlyList<double[]>? exits = null)
    {
        Definition = definition;
        Values = values;
        Text = text;
        Exits = exits ?? [.. ExitRules.Names.Select(_ => NoExit)];
    }

    /// <summary>The value list of an exit that was not asked for.</summary>
    internal static double[] NoExit => [double.NaN];

    /// <summary>Candidate fractions per exit, in <see cref="ExitRules.Names"/> order; NaN stands for none.</summary>
    public IReadOnlyList<double[]> Exits { get; }

    public StrategyDefinition Definition { get; }

    /// <summary>Candidate values per parameter, in definition order.</summary>
    public IReadOnlyList<double[]> Values { get; }

    /// <summary>The text this request was parsed from, trimmed.</summary>
    public string Text { get; }

    /// <summary>
    /// The request in one form: the lower-case name, only the parameters that differ from their defaults, then the exits,
    /// grids as value lists (<c>RSI( period = 7..21 step 7, stop=5 )</c> is <c>rsi(period=7|14|21, stop=5%)</c>).
    /// </summary>
    public string Canonical
    {
        get
        {
            var written = Definition.Parameters.Select(p => p.Name).Concat(ExitRules.Names).Select(Written).OfType<string>().ToList();
            return written.Count == 0 ? Definition.Name : $"{Definition.Name}({string.Join(", ", written)})";
        }
    }

    /// <summary><c>name=values</c> for a parameter that differs from its default or an exit that was asked for; null otherwise.</summary>
    internal string? Written(string name)
    {
        int index = Definition.IndexOf(name);
        if (index >= 0)
        {
            var values = Values[index];
            return values is [var only] && only == Definition.Parameters[index].Default
                ? null
                : $"{Definition.Parameters[index].Name}={string.Join('|', values.Select(ParameterDefinition.Format))}";
        }

        int exit = ExitRules.Names.ToList().IndexOf(name);
        return double.IsNaN(Exits[exit][0]) ? null : $"{name}={ExitValueParser.Format(Exits[exit])}";
    }

    /// <summary>Number of combinations before cross-parameter rules are applied.</summary>
    public long Combinations => Values.Concat(Exits).Aggregate(1L, (product, list) => product * list.Length);

    /// <summary>Every valid parameter set; <paramref name="rejected"/> counts combinations that broke a rule.</summary>
    public IReadOnlyList<StrategyParameters> Expand(out int rejected, out string? firstRejection)
    {
        var result = new List<StrategyParameters>();
        var current = new double[Values.Count];
        rejected = 0;
        firstRejection = null;
        var indices = new int[Values.Count];
        while (true)
        {
            for (int i = 0; i < current.Length; i++)
            {
                current[i] = Values[i][indices[i]];
            }

            var parameters = Definition.Create(current, out string? error);
            if (error is null)
            {
                // Exits are checked as they are parsed, so every combination of them is valid.
                result.AddRange(ExitCombinations().Select(exits => exits.Any ? parameters.WithExits(exits) : parameters));
            }
            else
            {
                rejected += Exits.Aggregate(1, (product, list) => product * list.Length);
                firstRejection ??= error;
            }

            if (!Advance(indices))
            {
                return result;
            }
        }
    }

    /// <summary>Every combination of the exits' values, the stop varying slowest.</summary>
    private IEnumerable<ExitRules> ExitCombinations() =>
        from stop in Exits[0]
        from target in Exits[1]
        from trail in Exits[2]
        select new ExitRules(Fraction(stop), Fraction(target), Fraction(trail));

    private static double? Fraction(double value) => double.IsNaN(value) ? null : value;

    private bool Advance(int[] indices)
    {
        for (int i = indices.Length - 1; i >= 0; i--)
        {
            if (++indices[i] < Values[i].Length)
            {
                return true;
            }

            indices[i] = 0;
        }

        return false;
    }
}
