using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// A metric as JSON: a non-finite value (NaN, Infinity), which JSON cannot hold, is written as <c>null</c>, and
/// <c>null</c> reads back as NaN; the same rule as the results file (<c>ResultJsonWriter</c>).
/// </summary>
public sealed class FiniteDoubleJsonConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => double.NaN,
            JsonTokenType.Number => reader.GetDouble(),
            _ => throw new JsonException($"Expected a number or null, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
