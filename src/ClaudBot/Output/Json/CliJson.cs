using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaudBot.Output.Json;

/// <summary>
/// The <c>--json</c> documents of <c>symbols</c>, <c>strategies</c>, <c>say</c> and <c>submit</c>, in the node's
/// naming (snake_case, as <c>claudbot-node status --json</c> and the dashboard's API). <c>monitor --json</c>
/// prints the node's own status document (<see cref="Cluster.Status.StatusJson"/>).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SymbolsDocument))]
[JsonSerializable(typeof(StrategiesDocument))]
[JsonSerializable(typeof(SayDocument))]
[JsonSerializable(typeof(DataDocument))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Relaxed escaping (quotes and non-ASCII as they are): read by people and scripts, never embedded in HTML.</summary>
    public static CliJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
