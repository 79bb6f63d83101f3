namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>Writes a rule tree back as canonical text (the inverse of <see cref="RuleParser"/>).</summary>
internal static class RuleFormatter
{
    public static string Format(RuleSyntax syntax, IReadOnlyList<double> values) => $"{syntax} [{string.Join("; ", values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]"; // PLACEHOLDER (rules-eval): a unique debug string until the real formatter merges

    public static string FormatTemplate(RuleSyntax syntax, IReadOnlyList<RuleSlot> slots) => throw new NotImplementedException("rules-language helper");
}
