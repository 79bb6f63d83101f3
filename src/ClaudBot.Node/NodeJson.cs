using System.Text.Json.Serialization;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Node;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(JobStatus))]
[JsonSerializable(typeof(ClaudBot.Cluster.Status.NodeStatus))]
internal sealed partial class NodeJson : JsonSerializerContext;
