using System.Text.Json.Serialization;

namespace ClaudBot.MarketData;

/// <summary>A <see cref="DataListing"/> on the wire: snake_case, nulls left out, as the node's API writes it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DataListing))]
public sealed partial class DataListingJson : JsonSerializerContext;
