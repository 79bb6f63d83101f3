using System.Globalization;
using System.Text;

namespace ClaudBot.Dashboard.Metrics;

/// <summary>
/// The Prometheus text exposition format (version 0.0.4): metric names from instrument names ('.' and any other
/// character Prometheus does not allow become '_', counters end in <c>_total</c>), escaped label values, and values
/// as Go's ParseFloat reads them (NaN, +Inf, -Inf).
/// </summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string MetricName(string instrument, bool counter)
    {
        var name = new StringBuilder(instrument.Length + 6);
        foreach (char c in instrument)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            name.Insert(0, '_');
        }

        return counter && !name.ToString().EndsWith("_total", StringComparison.Ordinal) ? name.Append("_total").ToString() : name.ToString();
    }

    public static string Labels(IEnumerable<KeyValuePair<string, object?>> tags)
    {
        var pairs = tags.Select(t => $"{MetricName(t.Key, counter: false)}=\"{Escape(Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? string.Empty)}\"").ToList();
        return pairs.Count == 0 ? string.Empty : "{" + string.Join(",", pairs) + "}";
    }

    public static string Value(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>HELP text escapes backslash and newline; label values also escape the double quote.</summary>
    public static string Help(string text) => text.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    private static string Escape(string value) => Help(value).Replace("\"", "\\\"", StringComparison.Ordinal);
}
