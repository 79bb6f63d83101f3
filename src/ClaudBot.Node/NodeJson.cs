using System.Text.Json.Serialization;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Node;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(JobStatus))]
internal sealed partial class NodeJson : JsonSerializerContext;
