using System.Globalization;
using System.Text.RegularExpressions;
using ClaudBot.Engine.Text;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// Slots that take one whole number or a few to try (<c>5</c>, <c>5|10|20</c>, <c>5, 10 or 20</c>, <c>five and ten</c>):
/// each read as <see cref="IntegerSlot"/> reads one, within the slot's bounds, each at most once, at most <see cref="MaxValues"/>.
/// </summary>
public static partial class IntegerListSlot
{
    /// <summary>Enough for any comparison a trader asks for in one line; each value is a whole pass of a job.</summary>
    public const int MaxValues = 20;

    /// <summary>On false, <paramref name="error"/> always says why, naming the value at fault.</summary>
    public static bool TryParse(string text, int min, int max, out IReadOnlyList<int> values, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        values = [];
        var parts = Separators().Split(SlotText.Squeeze(text)).Where(p => p.Length > 0).ToArray();
        if (parts.Length == 0)
        {
            error = "no number given";
            return false;
        }

        if (parts.Length > MaxValues)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{parts.Length} numbers is too many to try at once: at most {MaxValues}");
            return false;
        }

        var read = new List<int>(parts.Length);
        foreach (string part in parts)
        {
            if (!IntegerSlot.TryParse(part, min, max, out int value, out error))
            {
                return false;
            }

            if (read.Contains(value))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"{value} is given twice in '{UserText.Excerpt(text)}'");
                return false;
            }

            read.Add(value);
        }

        values = read;
        error = null;
        return true;
    }

    // '|' as in grids, commas, and the words between the last two of a list.
    [GeneratedRegex(@"\s*(?:\||,|\bor\b|\band\b)\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Separators();
}
