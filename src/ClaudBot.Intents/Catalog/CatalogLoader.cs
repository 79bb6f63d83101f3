using ClaudBot.Intents.Patterns;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClaudBot.Intents.Catalog;

/// <summary>
/// Loads <c>intents/intent_patterns.yaml</c>. Everything is checked at load — YAML syntax, unknown keys,
/// slot types, duplicate intents, patterns that cannot compile, slots a pattern uses but does not
/// declare — and the first problem is reported with the file, the line and the reason.
/// </summary>
public static class CatalogLoader
{
    public static IntentCatalog LoadFile(string path)
    {
        using var reader = File.OpenText(path);
        return Load(reader, Path.GetFileName(path));
    }

    public static IntentCatalog Load(TextReader reader, string displayName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException error)
        {
            throw new CatalogException(displayName, error.Start.Line, "not valid YAML: " + error.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CatalogException(displayName, 1, "expected a mapping with 'intents' at the top");
        }

        var file = new YamlReader(displayName);
        file.OnlyKeys(root, "fillers", "slot_fillers", "aliases", "intents");
        var fillers = file.Strings(YamlReader.Optional(root, "fillers")).Select(f => f.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var slotFillers = file.Strings(YamlReader.Optional(root, "slot_fillers")).Select(f => f.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var aliases = ReadAliases(file, YamlReader.Optional(root, "aliases"));
        var intents = new List<IntentDefinition>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var node in file.Sequence(file.Required(root, "intents")))
        {
            var intent = ReadIntent(file, file.Mapping(node));
            if (seen.TryGetValue(intent.Name, out long first))
            {
                throw new CatalogException(displayName, node.Start.Line, $"duplicate intent '{intent.Name}' (first defined on line {first})");
            }

            seen[intent.Name] = node.Start.Line;
            intents.Add(intent);
        }

        return new IntentCatalog(intents, fillers, aliases) { SlotFillers = slotFillers };
    }

    private static IntentDefinition ReadIntent(YamlReader file, YamlMappingNode node)
    {
        file.OnlyKeys(node, "name", "description", "role", "confirm", "slots", "patterns", "examples");
        string name = file.Scalar(file.Required(node, "name"));
        var role = YamlReader.Optional(node, "role") is { } roleNode
            ? file.Scalar(roleNode) switch
            {
                "viewer" => IntentRole.Viewer,
                "operator" => IntentRole.Operator,
                var other => throw file.Error(roleNode, $"role must be viewer or operator, not '{other}'"),
            }
            : IntentRole.Viewer;
        bool confirm = YamlReader.Optional(node, "confirm") is { } confirmNode && file.Boolean(confirmNode);
        var slots = YamlReader.Optional(node, "slots") is { } slotsNode
            ? [.. file.Mapping(slotsNode).Children.Select(pair => SlotReader.Read(file, file.Scalar(pair.Key), file.Mapping(pair.Value)))]
            : new List<SlotDefinition>();
        var names = slots.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var patternNodes = file.Sequence(file.Required(node, "patterns")).ToList();
        var compiled = new List<IReadOnlyList<PatternNode>>();
        foreach (var pattern in patternNodes)
        {
            try
            {
                compiled.Add(PatternCompiler.Compile(file.Scalar(pattern), names));
            }
            catch (PatternSyntaxException error)
            {
                throw file.Error(pattern, $"pattern \"{file.Scalar(pattern)}\" of '{name}' cannot compile: {error.Message}");
            }
        }

        return new IntentDefinition(
            name,
            YamlReader.Optional(node, "description") is { } description ? file.Scalar(description) : name,
            role,
            confirm,
            slots,
            [.. patternNodes.Select(file.Scalar)],
            file.Strings(YamlReader.Optional(node, "examples")),
            compiled);
    }

    private static CatalogAliases ReadAliases(YamlReader file, YamlNode? node)
    {
        if (node is null)
        {
            return new CatalogAliases(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>());
        }

        var mapping = file.Mapping(node);
        file.OnlyKeys(mapping, "symbols", "strategies", "universes");
        return new CatalogAliases(
            file.Map(YamlReader.Optional(mapping, "symbols")),
            file.Map(YamlReader.Optional(mapping, "strategies")),
            YamlReader.Optional(mapping, "universes") is { } universes
                ? file.Mapping(universes).Children.ToDictionary(p => file.Scalar(p.Key).ToLowerInvariant(), p => (IReadOnlyList<string>)file.Strings(p.Value))
                : new Dictionary<string, IReadOnlyList<string>>());
    }
}
