namespace ClaudBot.Engine.Strategies;

/// <summary>One tunable parameter of a strategy: its default and the closed range it may take.</summary>
public sealed record ParameterDefinition(string Name, double Default, double Min, double Max, bool IsInteger, string Description)
{
    /// <summary>Returns why <paramref name="value"/> is not allowed, or null when it is.</summary>
    public string? Check(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return $"{Name} must be a finite number";
        }

        if (IsInteger && value != Math.Floor(value))
        {
            return $"{Name} must be a whole number, not {Format(value)}";
        }

        if (value < Min || value > Max)
        {
            return $"{Name} must be between {Format(Min)} and {Format(Max)}, not {Format(value)}";
        }

        return null;
    }

    internal static string Format(double value) => value.ToString("0.########", System.Globalization.CultureInfo.InvariantCulture);
}
