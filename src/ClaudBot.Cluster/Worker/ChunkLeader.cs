using System.Buffers;
using System.Text;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results.Store;

namespace ClaudBot.Cluster.Worker;

/// <summary>A chunk's best result by Sharpe (the first of equals), which its summary names.</summary>
internal sealed class ChunkLeader
{
    public int Index { get; private set; } = -1;

    public string Strategy { get; private set; } = string.Empty;

    public StoredRow? Row { get; private set; }

    public void Offer(int index, string strategy, in StoredRow row)
    {
        if (Row is null || row.Sharpe.CompareTo(Row.Value.Sharpe) > 0)
        {
            (Index, Strategy, Row) = (index, strategy, row);
        }
    }

    /// <summary>The chunk's summary as stored beside its rows: its lane, task and failure counts, and this best result.</summary>
    public string Summary(ChunkPayload chunk, int failed)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("symbol", chunk.Symbol);
            writer.WriteNumber("tasks", chunk.Strategies.Count);
            writer.WriteNumber("failed", failed);
            if (Row is { } row)
            {
                writer.WriteStartObject("best");
                writer.WriteNumber("index", Index);
                writer.WriteString("strategy", Strategy);
                writer.WriteString("symbol", chunk.Symbol);
                StoredRowJson.WriteMetrics(writer, row);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
