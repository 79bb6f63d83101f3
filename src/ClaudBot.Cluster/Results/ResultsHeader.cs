using System.Text.Json;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// The root properties of a results file other than <c>results</c>, each read once its whole value is
/// in the buffer. The file's own <c>summary</c> is skipped: the reader ranks the results itself.
/// </summary>
internal sealed class ResultsHeader
{
    private string? _id;
    private string? _state;
    private JobSpec? _spec;
    private List<string>? _notes;
    private int? _tasksTotal;
    private int? _tasksDone;
    private int? _tasksFailed;
    private ResultsTimings? _timings;

    public bool HasResults { get; set; }

    public static HeaderField Name(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("results"u8) ? HeaderField.Results
        : reader.ValueTextEquals("id"u8) ? HeaderField.Id
        : reader.ValueTextEquals("state"u8) ? HeaderField.State
        : reader.ValueTextEquals("spec"u8) ? HeaderField.Spec
        : reader.ValueTextEquals("notes"u8) ? HeaderField.Notes
        : reader.ValueTextEquals("tasks_total"u8) ? HeaderField.TasksTotal
        : reader.ValueTextEquals("tasks_done"u8) ? HeaderField.TasksDone
        : reader.ValueTextEquals("tasks_failed"u8) ? HeaderField.TasksFailed
        : reader.ValueTextEquals("timings"u8) ? HeaderField.Timings
        : HeaderField.Other;

    /// <summary>Reads a value whose tokens are all in the buffer, the reader on its first token.</summary>
    public void Read(HeaderField field, ref Utf8JsonReader value, long baseOffset)
    {
        switch (field)
        {
            case HeaderField.Id:
                _id = ResultsJson.String(ref value, baseOffset, -1, "id");
                break;
            case HeaderField.State:
                _state = ResultsJson.String(ref value, baseOffset, -1, "state");
                break;
            case HeaderField.Spec:
                _spec = ReadSpec(ref value, baseOffset);
                break;
            case HeaderField.Notes:
                _notes = ReadNotes(ref value, baseOffset);
                break;
            case HeaderField.TasksTotal:
                _tasksTotal = ResultsJson.Int32(ref value, baseOffset, -1, "tasks_total");
                break;
            case HeaderField.TasksDone:
                _tasksDone = ResultsJson.Int32(ref value, baseOffset, -1, "tasks_done");
                break;
            case HeaderField.TasksFailed:
                _tasksFailed = ResultsJson.Int32(ref value, baseOffset, -1, "tasks_failed");
                break;
            case HeaderField.Timings:
                _timings = ReadTimings(ref value, baseOffset);
                break;
            default:
                break;
        }
    }

    /// <summary>Called at the end of the root object: every field a summary needs must have been there.</summary>
    public void CheckComplete(long offset)
    {
        string? missing = _id is null ? "id"
            : _state is null ? "state"
            : _spec is null ? "spec"
            : _notes is null ? "notes"
            : _tasksTotal is null ? "tasks_total"
            : _tasksDone is null ? "tasks_done"
            : _tasksFailed is null ? "tasks_failed"
            : _timings is null ? "timings"
            : !HasResults ? "results"
            : null;
        if (missing is not null)
        {
            throw new ResultsFileException($"The results file is malformed at byte {offset}: the root object has no '{missing}'.", offset);
        }
    }

    public ResultsSummary Summary(IReadOnlyList<ResultRow> top, IReadOnlyList<ResultRow> bestBySymbol, IReadOnlyList<ResultFailure> failures, int failuresTotal) =>
        new(_id!, _state!, _spec!, _notes!, _tasksTotal!.Value, _tasksDone!.Value, _tasksFailed!.Value, _timings!.Value, top, bestBySymbol, failures, failuresTotal);

    private static JobSpec ReadSpec(ref Utf8JsonReader value, long baseOffset)
    {
        ResultsJson.Expect(ref value, JsonTokenType.StartObject, baseOffset, -1, "spec");
        long start = baseOffset + value.TokenStartIndex;
        JobSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize(ref value, ClusterJson.Default.JobSpec);
        }
        catch (JsonException error)
        {
            throw new ResultsFileException($"The results file is malformed at byte {start}: 'spec' is not a job spec ({ResultsJson.Problem(error)}).", start, error);
        }

        // Source-generated reading leaves a missing property null or default rather than refusing it.
        return spec is { Strategies: not null, Symbols: not null, SubmittedBy: not null } && spec.From != default && spec.To != default
            ? spec
            : throw new ResultsFileException($"The results file is malformed at byte {start}: 'spec' lacks strategies, symbols, from, to or submitted_by.", start);
    }

    private static List<string> ReadNotes(ref Utf8JsonReader value, long baseOffset)
    {
        ResultsJson.Expect(ref value, JsonTokenType.StartArray, baseOffset, -1, "notes");
        var notes = new List<string>();
        while (value.Read() && value.TokenType != JsonTokenType.EndArray)
        {
            notes.Add(ResultsJson.String(ref value, baseOffset, -1, "notes[]"));
        }

        return notes;
    }

    private static ResultsTimings ReadTimings(ref Utf8JsonReader value, long baseOffset)
    {
        ResultsJson.Expect(ref value, JsonTokenType.StartObject, baseOffset, -1, "timings");
        long start = baseOffset + value.TokenStartIndex;
        double? queued = null, run = null, total = null;
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var name = value;
            value.Read();
            if (name.ValueTextEquals("queued_seconds"u8))
            {
                queued = ResultsJson.Double(ref value, baseOffset, -1, "timings.queued_seconds");
            }
            else if (name.ValueTextEquals("run_seconds"u8))
            {
                run = ResultsJson.Double(ref value, baseOffset, -1, "timings.run_seconds");
            }
            else if (name.ValueTextEquals("total_seconds"u8))
            {
                total = ResultsJson.Double(ref value, baseOffset, -1, "timings.total_seconds");
            }
            else
            {
                _ = value.TrySkip();
            }
        }

        return queued is { } q && run is { } r && total is { } t
            ? new ResultsTimings(q, r, t)
            : throw new ResultsFileException($"The results file is malformed at byte {start}: 'timings' needs queued_seconds, run_seconds and total_seconds.", start);
    }
}
