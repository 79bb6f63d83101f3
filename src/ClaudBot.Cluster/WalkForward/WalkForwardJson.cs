using System.Text.Json.Serialization;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Cluster.WalkForward;

/// <summary>
/// The walk-forward report as the node writes it and serves it (<c>GET /api/jobs/{id}/walkforward</c>): snake_case,
/// nulls left out, a metric that is not finite written as null (as in results files).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(WalkForwardReport))]
public sealed partial class WalkForwardJson : JsonSerializerContext;
