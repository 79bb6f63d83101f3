using System.Text.Json.Serialization;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Cluster;

/// <summary>Source-generated JSON for what the cluster stores and publishes: snake_case, ISO dates.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JobSpec))]
[JsonSerializable(typeof(ChunkPayload))]
[JsonSerializable(typeof(ClusterEvent))]
[JsonSerializable(typeof(Worker.WorkerHeartbeat))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Results.ResultFailure))]
[JsonSerializable(typeof(Schedules.Schedule))]
[JsonSerializable(typeof(Notifications.JobFollower))]
internal sealed partial class ClusterJson : JsonSerializerContext;
