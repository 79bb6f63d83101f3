using System.Globalization;
using ClaudBot.Engine.Simulation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClaudBot.Backtesting.Costs;

/// <summary>
/// Reads one cost model file (<c>costs/NAME.yaml</c>). Rates are percentages of the fill's value (<c>stt_buy_percent: 0.1</c>
/// is 0.1%), amounts are rupees; every component is required, so a file says each charge it means. The first problem is
/// reported as one line naming the file, the line and the field.
/// </summary>
internal static class CostModelFile
{
    private static readonly string[] Components =
    [
        "brokerage_percent", "brokerage_max_rupees", "stt_buy_percent", "stt_sell_percent", "exchange_percent",
        "sebi_rupees_per_crore", "stamp_buy_percent", "gst_percent", "dp_rupees_per_sell",
    ];

    private static readonly HashSet<string> Known =
        [.. Components, "name", "description", "effective_date", "source", "whole_shares"];

    public static CostModel Read(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        string display = Path.GetFileName(path);
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException error)
        {
            throw new CostModelException($"{display} line {error.Start.Line}: not valid YAML: {error.Message}");
        }
        catch (IOException error)
        {
            throw new CostModelException($"{display} cannot be read: {error.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CostModelException($"{display}: expected fields such as 'stt_buy_percent: 0.1', one a line.");
        }

        var fields = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            string key = ((keyNode as YamlScalarNode)?.Value ?? string.Empty).Trim();
            if (!Known.Contains(key))
            {
                throw new CostModelException($"{display} line {keyNode.Start.Line}: unknown field '{Engine.Text.UserText.Excerpt(key)}'; known: {string.Join(", ", Known)}.");
            }

            fields[key] = valueNode as YamlScalarNode
                ?? throw new CostModelException($"{display} line {valueNode.Start.Line}: '{key}' must be a single value.");
        }

        if (fields.TryGetValue("name", out var declared) && !string.Equals(declared.Value, name, StringComparison.Ordinal))
        {
            throw new CostModelException($"{display} line {declared.Start.Line}: 'name' is '{Engine.Text.UserText.Excerpt(declared.Value ?? string.Empty)}' but the file name says '{name}': a model is named by its file.");
        }

        double Percent(string field, double max = 100) => Number(display, fields, field, max) / 100;
        double Rupees(string field) => Number(display, fields, field, double.MaxValue);

        double brokeragePercent = Percent("brokerage_percent");
        double brokerageMax = Rupees("brokerage_max_rupees");
        return new CostModel(
            name,
            brokerageMax,
            brokeragePercent,
            Percent("stt_buy_percent"),
            Percent("stt_sell_percent"),
            Percent("exchange_percent"),
            Rupees("sebi_rupees_per_crore"),
            Percent("stamp_buy_percent"),
            Percent("gst_percent"),
            Rupees("dp_rupees_per_sell"),
            Boolean(display, fields, "whole_shares"))
        {
            EffectiveDate = Date(display, fields, "effective_date"),
            Source = Text(display, fields, "source"),
        };
    }

    /// <summary>The one-line description, or null when the file has none (informative only).</summary>
    public static string? Description(string path)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = File.OpenText(path);
            stream.Load(reader);
            return stream.Documents[0].RootNode is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("description"), out var node) ? (node as YamlScalarNode)?.Value : null;
        }
        catch (Exception error) when (error is YamlException or IOException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static YamlScalarNode Required(string display, Dictionary<string, YamlScalarNode> fields, string field) =>
        fields.TryGetValue(field, out var node) && !string.IsNullOrWhiteSpace(node.Value)
            ? node
            : throw new CostModelException($"{display}: '{field}' is missing; every component is stated, 0 where there is no such charge.");

    // A rate is a percentage below max (100: a charge of the whole value is a typo); an amount is any finite rupee figure from 0.
    private static double Number(string display, Dictionary<string, YamlScalarNode> fields, string field, double max)
    {
        var node = Required(display, fields, field);
        if (!double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new CostModelException($"{display} line {node.Start.Line}: '{field}' is '{Engine.Text.UserText.Excerpt(node.Value!)}', not a number.");
        }

        return value >= 0 && value < max
            ? value
            : throw new CostModelException(string.Create(CultureInfo.InvariantCulture, $"{display} line {node.Start.Line}: '{field}' is {value}; it must be at least 0{(max < double.MaxValue ? $" and below {max}" : string.Empty)}."));
    }

    private static bool Boolean(string display, Dictionary<string, YamlScalarNode> fields, string field)
    {
        var node = Required(display, fields, field);
        return bool.TryParse(node.Value, out bool value)
            ? value
            : throw new CostModelException($"{display} line {node.Start.Line}: '{field}' is '{Engine.Text.UserText.Excerpt(node.Value!)}'; write true or false.");
    }

    private static DateOnly Date(string display, Dictionary<string, YamlScalarNode> fields, string field)
    {
        var node = Required(display, fields, field);
        return DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CostModelException($"{display} line {node.Start.Line}: '{field}' is '{Engine.Text.UserText.Excerpt(node.Value!)}'; write YYYY-MM-DD.");
    }

    private static string Text(string display, Dictionary<string, YamlScalarNode> fields, string field) => Required(display, fields, field).Value!.Trim();
}
