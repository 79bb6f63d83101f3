using System.Text.Json.Serialization;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// A job's summary as the node stores it and as the node API serves it (<c>GET /api/jobs/{id}/results</c>):
/// snake_case, nulls left out, the same shape the dashboard's own serializer writes, so a client reads either.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResultsSummary))]
public sealed partial class SummaryJson : JsonSerializerContext;
