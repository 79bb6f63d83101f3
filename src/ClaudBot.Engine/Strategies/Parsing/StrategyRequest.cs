namespace ClaudBot.Engine.Strategies.Parsing;

/// <summary>
/// One strategy as the user asked for it: a value list per parameter (one value, or a grid). Expanding
/// it gives every valid combination; combinations that break a cross-parameter rule are dropped and counted.
/// </summary>
public sealed class StrategyRequest
{
    internal StrategyRequest(StrategyDefinition definition, IReadOnlyList<double[]> values, string text)
    {
        Definition = definition;
        Values = values;
        Text = text;
    }

    public StrategyDefinition Definition { get; }

    /// <summary>Candidate values per parameter, in definition order.</summary>
    public IReadOnlyList<double[]> Values { get; }

    /// <summary>The text this request was parsed from, trimmed.</summary>
    public string Text { get; }

    /// <summary>Number of combinations before cross-parameter rules are applied.</summary>
    public long Combinations => Values.Aggregate(1L, (product, list) => product * list.Length);

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
                result.Add(parameters);
            }
            else
            {
                rejected++;
                firstRejection ??= error;
            }

            if (!Advance(indices))
            {
                return result;
            }
        }
    }

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
