using System.Text.Json.Serialization;

namespace ClaudBot.Cluster.Worker;

/// <summary>Where a worker of a drained box stands (<see cref="Boxes.BoxDrains"/>): still finishing chunks it holds, or idle for good.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DrainState>))]
public enum DrainState
{
    /// <summary>Takes no new chunks; still runs some it holds.</summary>
    Draining,

    /// <summary>Takes no new chunks and holds none: the box may be stopped.</summary>
    Drained,
}
