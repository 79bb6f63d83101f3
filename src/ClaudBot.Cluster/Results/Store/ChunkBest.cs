using System.Text.Json;

namespace ClaudBot.Cluster.Results.Store;

/// <summary>
/// The results file's own <c>summary.best_by_symbol</c>: each symbol's best result by Sharpe as its chunks reported it,
/// best first. Kept in the file for whoever reads it without the node; the node's ranked summary is <see cref="StoredSummary"/>.
/// </summary>
internal static class ChunkBest
{
    /// <summary>Best result by Sharpe for each symbol, best first, from the chunks' own summaries.</summary>
    public static void WriteSummary(Utf8JsonWriter writer, IReadOnlyList<string> chunkSummaries)
    {
        var best = new Dictionary<string, (double Sharpe, JsonElement Element)>(StringComparer.Ordinal);
        foreach (string summary in chunkSummaries)
        {
            var root = JsonDocument.Parse(summary).RootElement;
            if (!root.TryGetProperty("best", out var candidate))
            {
                continue;
            }

            string symbol = candidate.GetProperty("symbol").GetString()!;
            // A null Sharpe (NaN, see ResultJsonWriter) ranks below every number.
            var sharpeElement = candidate.GetProperty("metrics").GetProperty("sharpe");
            double sharpe = sharpeElement.ValueKind == JsonValueKind.Null ? double.NaN : sharpeElement.GetDouble();
            if (!best.TryGetValue(symbol, out var current) || sharpe.CompareTo(current.Sharpe) > 0)
            {
                best[symbol] = (sharpe, candidate.Clone());
            }
        }

        writer.WriteStartObject("summary");
        writer.WriteStartArray("best_by_symbol");
        foreach (var (_, element) in best.Values.OrderByDescending(b => b.Sharpe))
        {
            element.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
