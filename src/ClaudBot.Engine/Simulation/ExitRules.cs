using System.Globalization;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// Exits that any strategy can carry, as fractions of the entry price (0.04 = 4%); null = none. A stop at
/// entry x (1 - <see cref="Stop"/>) and a target at entry x (1 + <see cref="Target"/>) are watched from the entry
/// bar on; a trailing stop at (1 - <see cref="Trail"/>) x the highest close since entry from the bar after it.
/// Users write them as percents: <c>stop=4%</c> on a built-in, <c>, stop 4%</c> after a rule.
/// </summary>
public readonly record struct ExitRules(double? Stop = null, double? Target = null, double? Trail = null)
{
    /// <summary>The exits' names as written, in the order texts show them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["stop", "target", "trail"];

    public static ExitRules None => default;

    public bool Any => Stop is not null || Target is not null || Trail is not null;

    /// <summary>The exit called <paramref name="name"/> (one of <see cref="Names"/>), as a fraction; null when absent.</summary>
    public double? this[string name] => name switch
    {
        "stop" => Stop,
        "target" => Target,
        "trail" => Trail,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "An exit is a stop, a target or a trail."),
    };

    /// <summary>This set with the exit called <paramref name="name"/> set to <paramref name="fraction"/>.</summary>
    public ExitRules With(string name, double? fraction) => name switch
    {
        "stop" => this with { Stop = fraction },
        "target" => this with { Target = fraction },
        "trail" => this with { Trail = fraction },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "An exit is a stop, a target or a trail."),
    };

    /// <summary>The first exit out of range, as one line; null when every exit may run.</summary>
    public string? Problem() =>
        Check("stop", Stop) ?? Check("target", Target) ?? Check("trail", Trail);

    /// <summary>
    /// Why <paramref name="fraction"/> cannot be the exit called <paramref name="name"/>, or null. A stop or trail of 100% or
    /// more would sit at or below zero and never fire; a target must lie above the entry.
    /// </summary>
    public static string? Check(string name, double? fraction)
    {
        if (fraction is not { } f)
        {
            return null;
        }

        bool below100 = name != "target";
        if (!(f > 0) || !double.IsFinite(f) || (below100 && f >= 1))
        {
            string range = below100 ? "above 0% and below 100%" : "above 0%";
            return $"A {name} of {Percent(f)} is out of range: it must be {range}.";
        }

        return null;
    }

    /// <summary>A fraction as the percent users write: 0.04 gives <c>4%</c>.</summary>
    public static string Percent(double fraction) =>
        InPercent(fraction).ToString("0.########", CultureInfo.InvariantCulture) + "%";

    /// <summary>A fraction in percent, without the product's last-digit noise (0.07 x 100 is 7.000000000000001).</summary>
    public static double InPercent(double fraction) => Math.Round(fraction * 100, 10);
}
