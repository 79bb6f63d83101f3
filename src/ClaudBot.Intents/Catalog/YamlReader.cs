using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ClaudBot.Intents.Catalog;

/// <summary>Typed access to YAML nodes that turns every surprise into a <see cref="CatalogException"/> at the node's line.</summary>
internal sealed class YamlReader(string file)
{
    public CatalogException Error(YamlNode node, string reason) => new(file, node.Start.Line, reason);

    public YamlNode Required(YamlMappingNode node, string key) =>
        Optional(node, key) ?? throw Error(node, $"missing '{key}'");

    public static YamlNode? Optional(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public void OnlyKeys(YamlMappingNode node, params string[] keys)
    {
        foreach (var key in node.Children.Keys)
        {
            string name = Scalar(key);
            if (!keys.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"unknown key '{name}' (expected one of: {string.Join(", ", keys)})");
            }
        }
    }

    public YamlMappingNode Mapping(YamlNode node) => node as YamlMappingNode ?? throw Error(node, "expected a mapping (key: value lines)");

    public IEnumerable<YamlNode> Sequence(YamlNode node) => node as YamlSequenceNode ?? throw Error(node, "expected a list (- item lines)");

    public string Scalar(YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, "expected a single value");

    public bool Boolean(YamlNode node) => Scalar(node) switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var other => throw Error(node, $"expected true or false, not '{other}'"),
    };

    public int Integer(YamlNode node) =>
        int.TryParse(Scalar(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw Error(node, "expected a whole number");

    public IReadOnlyList<string> Strings(YamlNode? node) => node is null ? [] : [.. Sequence(node).Select(Scalar)];

    public IReadOnlyDictionary<string, string> Map(YamlNode? node) => node is null
        ? new Dictionary<string, string>()
        : Mapping(node).Children.ToDictionary(p => Scalar(p.Key).ToLowerInvariant(), p => Scalar(p.Value), StringComparer.Ordinal);
}
