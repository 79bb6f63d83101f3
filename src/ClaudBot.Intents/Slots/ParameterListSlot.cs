using System.Text.RegularExpressions;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Engine.Text;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// Strategy parameters said without a strategy ("period 10", "fast 20 and slow 100", "lower=25, upper 75", "stop 5%",
/// "period 7..21 step 7"): settings for whichever strategies they are applied to later (a follow-up applies them to
/// the last request's). Each name must be a parameter of some built-in strategy, or an exit, and its value must be
/// one that strategy takes; which strategies take it is decided where the settings are applied.
/// </summary>
public static partial class ParameterListSlot
{
    /// <summary>Reads <paramref name="text"/> as settings, in the order said; on false <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, out IReadOnlyList<(string Name, string Value)> settings, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        settings = [];
        error = null;
        var read = new List<(string Name, string Value)>();
        foreach (string item in Separator().Split(text.Trim()))
        {
            if (!TryRead(item, out string name, out string value))
            {
                error = $"'{UserText.Excerpt(item.Trim())}' is not a parameter setting (try 'period 10', 'fast 20 and slow 100', 'stop 5%')";
                return false;
            }

            if ((error = Check(name, value)) is not null)
            {
                return false;
            }

            if (read.Any(r => r.Name == name))
            {
                error = $"{name} is given twice";
                return false;
            }

            read.Add((name, value));
        }

        settings = read;
        return true;
    }

    /// <summary>
    /// The settings of <paramref name="text"/> as said, unchecked (the engine checks them where they are applied);
    /// null when a part is not of the form "name value".
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)>? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = new List<(string Name, string Value)>();
        foreach (string item in Separator().Split(text.Trim()))
        {
            if (!TryRead(item, out string name, out string value))
            {
                return null;
            }

            read.Add((name, value));
        }

        return read;
    }

    private static bool TryRead(string item, out string name, out string value)
    {
        var setting = Setting().Match(item.Trim());
        name = setting.Groups["name"].Value.ToLowerInvariant();
        value = setting.Groups["value"].Value.Trim();
        return setting.Success;
    }

    // The value is checked by the engine on the first strategy that has the parameter (an exit: on any strategy).
    private static string? Check(string name, string value)
    {
        var owner = ExitRules.Names.Contains(name) ? StrategyCatalog.All[0] : StrategyCatalog.All.FirstOrDefault(d => d.IndexOf(name) >= 0);
        if (owner is null)
        {
            return $"No strategy has a parameter '{UserText.Excerpt(name)}' (parameters: {Known})";
        }

        try
        {
            StrategyParser.ParseRequests(StrategyParser.ApplyParameters(owner.Name, [(name, value)]));
            return null;
        }
        catch (StrategySpecException invalid)
        {
            // The engine names the strategy it was tried on ("'rsi(period=1)': ..."); the user named none.
            string reason = invalid.Message.TrimEnd('.');
            int named = reason.IndexOf("': ", StringComparison.Ordinal);
            return $"{name} {UserText.Excerpt(value)}: {(reason.StartsWith('\'') && named > 0 ? reason[(named + 3)..] : reason)}";
        }
    }

    private static string Known =>
        string.Join(", ", StrategyCatalog.All.SelectMany(d => d.Parameters.Select(p => p.Name)).Concat(ExitRules.Names).Distinct());

    // "period 10 and lower 25", "period 10, lower 25"; a grid's own "|" and ".." stay inside one value.
    [GeneratedRegex(@"\s*(?:,|\band\b)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    // "period 10", "period=10", "period: 10", "period of 10", "period to 10", "stop 5%", "period 7..21 step 7", "k 1.5|2".
    [GeneratedRegex(@"^(?<name>[a-z_]+)\s*(?:=|:|\bof\b|\bto\b|\bat\b)?\s*(?<value>[-+]?\.?\d[\d.|%\s]*(?:\bstep\s+[\d.]+%?)?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Setting();
}
