using ClaudBot.Cluster.Boxes;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// A worker's check, at start and on every heartbeat round, of whether its box may take work: its engine version and data
/// manifest against what the driver published (<see cref="ManifestStore"/>; nothing published yet admits it), and its box's
/// drain flag. A refused box notes its one-line reason on every unfinished job (once each); a box that matches again (its
/// data pushed) is admitted on the next round, without a restart.
/// </summary>
internal sealed partial class BoxAdmission(
    ManifestStore manifests,
    DataManifestSource data,
    BoxDrains drains,
    JobNotes notes,
    WorkerIdentity identity,
    IOptions<ClusterOptions> options,
    ILogger<BoxAdmission> logger)
{
    private string? _lastRefusal;
    private bool _lastDraining;

    /// <summary>Checks the box and sets <paramref name="gate"/> to match.</summary>
    public async Task CheckAsync(WorkerGate gate)
    {
        string? refusal = options.Value.RefuseMismatchedBoxes ? await RefusalAsync() : null;
        bool draining = await drains.IsDrainingAsync(identity.Host);
        gate.Set(refusal, draining);
        if (refusal is not null)
        {
            var noted = await notes.AddToUnfinishedAsync(refusal);
            if (noted.Count > 0)
            {
                LogNoted(noted.Count, noted);
            }
        }

        if (refusal != _lastRefusal)
        {
            if (refusal is null)
            {
                LogAdmitted(identity.Host);
            }
            else
            {
                LogRefused(refusal);
            }
        }

        if (draining != _lastDraining)
        {
            LogDrainFlag(identity.Host, draining ? "set: finishing the chunks held and taking no new ones" : "cleared: taking work again");
        }

        (_lastRefusal, _lastDraining) = (refusal, draining);
    }

    private async Task<string?> RefusalAsync()
    {
        if (await manifests.ReadAsync() is not { } server)
        {
            return null;
        }

        DataManifest mine;
        try
        {
            mine = await Task.Run(data.Current);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Data this box cannot read are not the server's data either; the heartbeat itself must not fail over it.
            return $"box {identity.Host}: its data files could not be read ({error.Message})";
        }

        if (server.Engine == EngineVersion.Current && server.DataFingerprint == mine.Fingerprint)
        {
            return null;
        }

        var serverData = await manifests.ReadFilesAsync() ?? new DataManifest(server.DataFingerprint, new Dictionary<string, string>());
        return BoxMatch.Refusal(identity.Host, EngineVersion.Current, mine, server.Engine, serverData);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused, taking no chunks: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Box {Box} matches the server's engine and data; taking work")]
    private partial void LogAdmitted(string box);

    [LoggerMessage(Level = LogLevel.Information, Message = "Noted the refusal on {Count} unfinished jobs: {JobIds}")]
    private partial void LogNoted(int count, IReadOnlyList<string> jobIds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drain flag of box {Box} {Change}")]
    private partial void LogDrainFlag(string box, string change);
}
