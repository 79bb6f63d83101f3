using System.CommandLine;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Hosting;

namespace ClaudBot.Node.Commands;

/// <summary><c>jobs</c>, <c>job ID [--json]</c>, <c>results ID</c> and <c>cancel ID</c>.</summary>
internal static class JobsCommands
{
    public static Command List(TextWriter output, TextWriter error)
    {
        var limit = new Option<int>("--limit") { Description = "How many jobs, newest first", DefaultValueFactory = _ => 20 };
        var command = new Command("jobs", "List jobs, newest first.") { limit };
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (client, ct) =>
        {
            var jobs = await client.ListAsync(0, Math.Clamp(parse.GetValue(limit), 1, 1000), ct);
            foreach (var job in jobs)
            {
                await output.WriteLineAsync(JobText.Row(job));
            }

            if (jobs.Count == 0)
            {
                await output.WriteLineAsync("No jobs yet.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static Command Show(TextWriter output, TextWriter error)
    {
        var id = JobIdArgument.Create();
        var json = new Option<bool>("--json") { Description = "Print the job as JSON" };
        var command = new Command("job", "Show one job.") { id, json };
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (client, ct) =>
        {
            var job = await client.GetAsync(parse.GetValue(id)!, ct) ?? throw new KeyNotFoundException($"There is no job '{parse.GetValue(id)}'.");
            await output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(job, NodeJson.Default.JobStatus) : JobText.Row(job));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>Every result of a finished job as JSON on standard output, made from its rows as it is written.</summary>
    public static Command Results(TextWriter output, TextWriter error)
    {
        var id = JobIdArgument.Create();
        var command = new Command("results", "Print every result of a finished job as JSON (spec, summary, each backtest's metrics).") { id };
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (client, ct) =>
        {
            string jobId = parse.GetValue(id)!;
            var job = await client.GetAsync(jobId, ct) ?? throw new KeyNotFoundException($"There is no job '{jobId}'.");
            if (job.ResultsFile is not { } path || !File.Exists(path))
            {
                throw new KeyNotFoundException(job.State.IsTerminal()
                    ? $"Job {jobId} has no results file (it was cancelled before any ran, or the file was cleaned up)."
                    : $"Job {jobId} is {job.State.ToName()}; its results are written when it finishes.");
            }

            await using var export = Cluster.Results.Store.ResultsExport.Open(path, ct);
            using var reader = new StreamReader(export);
            char[] buffer = new char[1 << 15];
            int read;
            while ((read = await reader.ReadAsync(buffer, ct)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static Command Cancel(TextWriter output, TextWriter error)
    {
        var id = JobIdArgument.Create();
        var command = new Command("cancel", "Cancel a job: queued work is dropped, running chunks stop at their boundary.") { id };
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (client, ct) =>
        {
            string jobId = parse.GetValue(id)!;
            var state = await client.CancelAsync(jobId, ct) ?? throw new KeyNotFoundException($"There is no job '{jobId}'.");
            await output.WriteLineAsync(state == JobState.Cancelled ? $"Job {jobId} cancelled." : $"Job {jobId} had already finished ({state.ToName()}).");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
