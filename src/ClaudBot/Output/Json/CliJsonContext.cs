using System.Text.Json.Serialization;

namespace ClaudBot.Output.Json;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true)]
[JsonSerializable(typeof(BacktestDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
