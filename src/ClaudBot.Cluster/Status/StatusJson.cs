using System.Text.Json.Serialization;

namespace ClaudBot.Cluster.Status;

/// <summary>
/// The JSON of <c>claudbot-node status --json</c>: written by the node, read back by the bot's SSH target,
/// so both sides share this one contract (snake_case, enums as names).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(NodeStatus))]
public sealed partial class StatusJson : JsonSerializerContext;
