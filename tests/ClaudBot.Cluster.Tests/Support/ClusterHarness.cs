using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Cluster.Tests.Support;

/// <summary>
/// A cluster of real processes for one test: node processes pointed at one Redis, a client in the
/// test process, and a scratch folder for results and caches. Disposing kills whatever is left.
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    private readonly List<NodeProcess> _nodes = [];
    private readonly ServiceProvider _services;

    public ClusterHarness(string redis, string scratch, IDictionary<string, string>? settings = null)
    {
        Scratch = scratch;
        Redis = redis;
        Settings = new Dictionary<string, string>
        {
            ["Redis:ConnectionString"] = redis,
            ["MarketData:Directory"] = TestServices.DataDirectory,
            ["MarketData:CacheDirectory"] = Path.Combine(scratch, "cache"),
            ["Cluster:ResultsDirectory"] = Path.Combine(scratch, "results"),

            // Logs and worker name locks in the test's folder, not the user's state folder.
            ["Cluster:LogDirectory"] = Path.Combine(scratch, "logs"),
            ["Cluster:RunDirectory"] = Path.Combine(scratch, "run"),
            ["Cluster:VisibilityTimeout"] = "00:00:02",
            ["Cluster:RetryBackoff"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Settings[key] = value;
        }

        _services = TestServices.Build(redis, scratch, Settings.ToDictionary(p => p.Key, p => (string?)p.Value));
        Client = _services.GetRequiredService<ClusterClient>();
    }

    public string Scratch { get; }

    public string Redis { get; }

    public Dictionary<string, string> Settings { get; }

    public ClusterClient Client { get; }

    public T Service<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<NodeProcess> StartNodeAsync(string role, IDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>(Settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var node = NodeProcess.Start(settings, "run", "--role", role);
        _nodes.Add(node);
        await node.WaitForOutputAsync(role == "driver" ? "Driver started" : "Worker", TimeSpan.FromSeconds(30));
        return node;
    }

    public Task<(string Id, JobPlan Plan)> SubmitAsync(string strategies, string symbols, string from = "2022-01-01", string to = "2023-12-31") =>
        Client.SubmitAsync(new JobRequest(strategies, symbols.Split(','), DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), "tests"), CancellationToken.None);

    /// <summary>Waits until the job has done at least <paramref name="share"/> of its tasks.</summary>
    public async Task WaitForProgressAsync(string jobId, double share, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while ((await Client.GetAsync(jobId, cancel.Token))!.Progress < share)
        {
            await Task.Delay(10, cancel.Token);
        }
    }

    public async Task<JobStatus> WaitForEndAsync(string jobId, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await Client.WaitAsync(jobId, null, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            var job = await Client.GetAsync(jobId, CancellationToken.None);
            throw new TimeoutException($"Job {jobId} did not finish: {job?.State} {job?.TasksDone}/{job?.TasksTotal}. Nodes:\n{string.Join("\n---\n", _nodes.Select(n => n.Output))}");
        }
    }

    /// <summary>The task results of a finished job's file, by index.</summary>
    public static JsonElement[] ReadResults(JobStatus job) =>
        [.. ReadExport(job).GetProperty("results").EnumerateArray()];

    /// <summary>The finished job's results file as its JSON export (spec, summary, every result), as the API's full=1 sends it.</summary>
    public static JsonElement ReadExport(JobStatus job)
    {
        using var export = ResultsExport.Open(job.ResultsFile!, CancellationToken.None);
        return JsonDocument.Parse(export).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _services.DisposeAsync();
    }
}
