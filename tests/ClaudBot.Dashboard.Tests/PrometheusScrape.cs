using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// A strict reader of the Prometheus text format, enough to check /metrics: every line is a <c># HELP</c>, a
/// <c># TYPE</c> or a sample <c>name{label="value",...} number</c>; a sample's metric must have had its TYPE first.
/// </summary>
public sealed partial class PrometheusScrape
{
    private readonly List<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> _samples = [];
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Types => _types;

    public static PrometheusScrape Parse(string text)
    {
        var scrape = new PrometheusScrape();
        foreach (string line in text.Split('\n').Where(l => l.Length > 0))
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                Assert.True(scrape._types.TryAdd(type.Groups[1].Value, type.Groups[2].Value), $"TYPE twice: {line}");
                continue;
            }

            if (HelpLine().IsMatch(line))
            {
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not Prometheus text: '{line}'");
            string name = sample.Groups[1].Value;
            Assert.True(scrape._types.ContainsKey(name), $"sample before its TYPE: {line}");
            var labels = LabelPair().Matches(sample.Groups[2].Value).ToDictionary(m => m.Groups[1].Value, m => Regex.Unescape(m.Groups[2].Value), StringComparer.Ordinal);
            double value = sample.Groups[3].Value switch
            {
                "NaN" => double.NaN,
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            scrape._samples.Add((name, labels, value));
        }

        return scrape;
    }

    /// <summary>The one sample of <paramref name="name"/> whose labels include <paramref name="labels"/>; fails if none or several.</summary>
    public double Value(string name, params (string Key, string Value)[] labels) =>
        Assert.Single(Samples(name, labels)).Value;

    public IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)> Samples(string name, params (string Key, string Value)[] labels) =>
        [.. _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out string? v) && v == l.Value)).Select(s => (s.Labels, s.Value))];

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\]|\\.)*"",?)*\})? (NaN|[+-]Inf|[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
