using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// A walk-forward as every channel writes it (the API's <c>walk_forward</c> object, the CLIs' options, chat's slots):
/// lengths as text ("2 years", "6m", "90 days"), the rest as given; absent parts take the defaults of
/// <see cref="WalkForwardSettings"/>.
/// </summary>
public sealed record WalkForwardText(string? In, string? Out, string? Step = null, bool? Anchored = null, string? Objective = null, int? MinTrades = null)
{
    /// <exception cref="FormatException">A missing or unreadable length, naming which.</exception>
    public WalkForwardSettings Parse() => new(Length(In, "in-sample"), Length(Out, "out-of-sample"))
    {
        Step = Step is null ? null : Length(Step, "step"),
        Anchored = Anchored ?? false,
        Objective = Objective ?? "sharpe",
        MinTrades = MinTrades ?? WalkForwardSettings.DefaultMinTrades,
    };

    public static WalkForwardText Of(WalkForwardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.InSample.ToString(), settings.OutOfSample.ToString(), settings.Step?.ToString(), settings.Anchored, settings.Objective, settings.MinTrades);
    }

    private static PeriodLength Length(string? text, string part)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"A walk-forward needs its {part} length, e.g. '2 years' in and '6 months' out.");
        }

        try
        {
            return PeriodLength.Parse(text);
        }
        catch (FormatException unreadable)
        {
            throw new FormatException($"The {part} length {unreadable.Message}", unreadable);
        }
    }
}
