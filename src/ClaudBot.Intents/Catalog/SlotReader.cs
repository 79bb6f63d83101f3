using YamlDotNet.RepresentationModel;

namespace ClaudBot.Intents.Catalog;

/// <summary>Reads one slot declaration: <c>name: {type: period, required: false, default: "last 3 years"}</c>.</summary>
internal static class SlotReader
{
    public static SlotDefinition Read(YamlReader file, string name, YamlMappingNode node)
    {
        file.OnlyKeys(node, "type", "required", "default", "question", "min", "max", "values");
        var typeNode = file.Required(node, "type");
        var type = file.Scalar(typeNode) switch
        {
            "strategies" => SlotType.Strategies,
            "symbols" => SlotType.Symbols,
            "period" => SlotType.Period,
            "job" => SlotType.Job,
            "integer" => SlotType.WholeNumber,
            "integers" => SlotType.WholeNumbers,
            "enum" => SlotType.Enum,
            "name" => SlotType.Name,
            "execution" => SlotType.Execution,
            "parameters" => SlotType.Parameters,
            "length" => SlotType.Length,
            var other => throw file.Error(typeNode, $"unknown slot type '{other}' for slot '{name}' (known: strategies, symbols, period, job, integer, integers, enum, name, execution, parameters, length)"),
        };
        var values = file.Strings(YamlReader.Optional(node, "values"));
        if (type == SlotType.Enum && values.Count == 0)
        {
            throw file.Error(node, $"enum slot '{name}' needs 'values'");
        }

        return new SlotDefinition(
            name,
            type,
            YamlReader.Optional(node, "required") is { } required && file.Boolean(required),
            YamlReader.Optional(node, "default") is { } fallback ? file.Scalar(fallback) : null,
            YamlReader.Optional(node, "question") is { } question ? file.Scalar(question) : $"What {name}?")
        {
            Min = YamlReader.Optional(node, "min") is { } min ? file.Integer(min) : 1,
            Max = YamlReader.Optional(node, "max") is { } max ? file.Integer(max) : 10_000,
            Values = values,
        };
    }
}
