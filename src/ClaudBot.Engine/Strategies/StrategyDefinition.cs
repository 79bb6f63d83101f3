namespace ClaudBot.Engine.Strategies;

/// <summary>
/// A strategy the engine knows: its canonical name, what it does, its parameters, and a rule that
/// relates parameters to each other (e.g. fast &lt; slow).
/// </summary>
public sealed class StrategyDefinition
{
    private readonly Func<StrategyParameters, string?> _crossCheck;

    internal StrategyDefinition(string name, string description, IReadOnlyList<ParameterDefinition> parameters, Func<StrategyParameters, string?>? crossCheck = null)
    {
        Name = name;
        Description = description;
        Parameters = parameters;
        _crossCheck = crossCheck ?? (_ => null);
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>
    /// The few parameter sets tried when a trader asks which strategy works best, as grid text the strategy parser reads
    /// (e.g. <c>rsi(period=7|14|21, lower=20|30, upper=70|80)</c>): the defaults and the usual variations around them.
    /// </summary>
    public string DefaultGrid { get; init; } = string.Empty;

    public StrategyParameters Defaults => new(this, [.. Parameters.Select(p => p.Default)]);

    public int IndexOf(string parameter)
    {
        for (int i = 0; i < Parameters.Count; i++)
        {
            if (string.Equals(Parameters[i].Name, parameter, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Builds parameters from values in definition order, or returns the reason they are invalid.
    /// </summary>
    public StrategyParameters Create(ReadOnlySpan<double> values, out string? error)
    {
        if (values.Length != Parameters.Count)
        {
            throw new ArgumentException($"{Name} takes {Parameters.Count} parameters, got {values.Length}.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            error = Parameters[i].Check(values[i]);
            if (error is not null)
            {
                return Defaults;
            }
        }

        var parameters = new StrategyParameters(this, values.ToArray());
        error = _crossCheck(parameters);
        return parameters;
    }

    /// <summary>Builds parameters from name/value pairs, defaults for the rest; throws on bad values.</summary>
    public StrategyParameters Create(IReadOnlyDictionary<string, double>? values = null)
    {
        var all = Parameters.Select(p => p.Default).ToArray();
        foreach (var (key, value) in values ?? new Dictionary<string, double>())
        {
            int index = IndexOf(key);
            all[index >= 0 ? index : throw new StrategySpecException(UnknownParameter(key))] = value;
        }

        var parameters = Create(all, out string? error);
        return error is null ? parameters : throw new StrategySpecException($"{Name}: {error}.");
    }

    internal string UnknownParameter(string key) => Parameters.Count == 0
        ? $"{Name} takes no parameters but the exits stop, target, trail (got '{Text.UserText.Excerpt(key)}')."
        : $"{Name} has no parameter '{Text.UserText.Excerpt(key)}'; it takes {string.Join(", ", Parameters.Select(p => p.Name))} and the exits stop, target, trail.";
}
