using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>
/// A match written on one line, so a table row can state all of it:
/// <list type="bullet">
/// <item><c>-</c>: no intent.</item>
/// <item><c>cancel_job error</c>: the intent, with a slot rejected (it must not run; the reason is tested elsewhere).</item>
/// <item>otherwise the intent, then each slot in the catalogue's order (<c>strategies=rsi(period=10);macd</c> with
/// only the parameters that differ from the defaults, <c>symbols=TCS,INFY</c> or <c>symbols=@nifty50</c> for a whole
/// universe, <c>period=2020-01-01..2024-12-31</c>, <c>job=k7m2qz</c>, <c>lines=50</c>, <c>component=worker</c>, <c>name=rsi2</c>, <c>parameters=period=10,lower=25</c>, <c>in=24m0d</c>), then
/// <c>missing=</c>, <c>defaulted=</c> and <c>alternatives=</c> lists when not empty, then <c>read:typed&gt;meant</c>
/// for each forgiven typo.</item>
/// </list>
/// </summary>
internal static partial class MatchRendering
{
    public static string Render(IntentMatch match, IntentCatalog catalog)
    {
        if (match.Intent is null)
        {
            return "-";
        }

        if (match.Error is not null)
        {
            return match.Intent + " error";
        }

        var text = new StringBuilder(match.Intent);
        var declared = catalog.Find(match.Intent)?.Slots.Select(s => s.Name).ToList() ?? [];
        foreach (string name in declared.Concat(match.Slots.Keys.Except(declared).Order(StringComparer.Ordinal)))
        {
            if (match.Slots.TryGetValue(name, out var slot))
            {
                text.Append(' ').Append(name).Append('=').Append(Value(slot, catalog));
            }
        }

        List(text, "missing", match.Missing);
        List(text, "defaulted", match.Defaulted);
        List(text, "alternatives", match.Alternatives);
        foreach (string suggestion in match.Suggestions)
        {
            text.Append(' ').Append(ReadAs().Match(suggestion) is { Success: true } typo
                ? $"read:{typo.Groups["typed"].Value}>{typo.Groups["meant"].Value}"
                : "suggest:" + suggestion);
        }

        return text.ToString();
    }

    private static string Value(SlotValue slot, IntentCatalog catalog) => slot.Type switch
    {
        SlotType.Strategies => string.Join(';', (slot.Strategies ?? []).Select(s => s.ToShortString().Replace(", ", ",", StringComparison.Ordinal))),
        SlotType.Symbols => Symbols(slot.Symbols ?? [], catalog),
        SlotType.Period when slot.Period is { } period => string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}"),
        SlotType.Job => slot.Job ?? "?",
        SlotType.WholeNumber => slot.Number?.ToString(CultureInfo.InvariantCulture) ?? "?",
        SlotType.WholeNumbers => slot.Numbers is { } numbers ? string.Join("|", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))) : "?",
        SlotType.Enum => slot.Choice ?? "?",
        SlotType.Name => slot.Choice ?? "?",
        SlotType.Execution when slot.Execution is { } execution => Execution(execution),
        SlotType.Parameters => string.Join(',', (slot.Parameters ?? []).Select(p => $"{p.Name}={p.Value}")),
        SlotType.Length when slot.Length is { } length => string.Create(CultureInfo.InvariantCulture, $"{length.Months}m{length.Days}d"),
        _ => "?",
    };

    // "bps:5", "zerodha-delivery;slippage=10;size=pct:10".
    private static string Execution(ExecutionPhrase execution) => string.Join(';', new[]
    {
        execution.Costs,
        execution.SlippageBps is { } slippage ? string.Create(CultureInfo.InvariantCulture, $"slippage={slippage}") : null,
        execution.Size is { } size ? $"size={size}" : null,
    }.OfType<string>());

    private static string Symbols(IReadOnlyList<string> symbols, IntentCatalog catalog)
    {
        foreach (var (name, members) in catalog.Aliases.Universes)
        {
            if (symbols.SequenceEqual(members, StringComparer.Ordinal))
            {
                return "@" + name;
            }
        }

        return string.Join(',', symbols);
    }

    private static void List(StringBuilder text, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            text.Append(' ').Append(name).Append('=').AppendJoin(',', values);
        }
    }

    [GeneratedRegex("""\ARead "(?<typed>[^"]+)" as "(?<meant>[^"]+)"\.\z""", RegexOptions.CultureInvariant)]
    private static partial Regex ReadAs();
}
