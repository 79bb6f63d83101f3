using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Cluster.Queue;

/// <summary>Builds a <see cref="JobStatus"/> from a job hash's fields.</summary>
internal static class JobStatusReader
{
    public static JobStatus Read(IReadOnlyDictionary<string, string> fields) => new(
        fields["id"],
        JobStateNames.Parse(fields["state"]),
        JsonSerializer.Deserialize(fields["spec"], ClusterJson.Default.JobSpec)!,
        Int(fields, "tasks_total"),
        Int(fields, "tasks_done"),
        Int(fields, "tasks_failed"),
        Int(fields, "chunks_total"),
        Int(fields, "chunks_done"),
        Moment(fields, "started_at"),
        Moment(fields, "finished_at"),
        fields.TryGetValue("notes", out string? notes) ? JsonSerializer.Deserialize(notes, ClusterJson.Default.IReadOnlyListString) ?? [] : [],
        fields.GetValueOrDefault("results_file"));

    private static int Int(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;

    private static DateTimeOffset? Moment(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out string? text) ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;
}
