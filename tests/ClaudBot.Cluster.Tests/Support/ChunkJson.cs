using System.Buffers;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Cluster.Worker;

namespace ClaudBot.Cluster.Tests.Support;

/// <summary>A chunk's stored rows as the JSON elements a job's export makes of them (the production writer, not a copy).</summary>
internal static class ChunkJson
{
    public static JsonElement[] Tasks(ChunkOutput output, ChunkPayload chunk)
    {
        var rows = ChunkRows.Read(output.Rows);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (int i = 0; i < rows.Count; i++)
            {
                StoredRowJson.Write(writer, chunk.FirstTask + i, rows.Row(i), ParameterSet.Of(chunk.Strategies[i]), chunk.Symbol, rows.MarketIndex, rows.Errors);
            }

            writer.WriteEndArray();
        }

        return [.. JsonDocument.Parse(buffer.WrittenMemory).RootElement.EnumerateArray()];
    }
}
