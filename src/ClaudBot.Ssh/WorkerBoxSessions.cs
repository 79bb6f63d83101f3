using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Ssh;

/// <summary>
/// One <see cref="SshSession"/> per worker box of the target (<see cref="SshTargetOptions.Workers"/>), opened on first use,
/// with the target's key and known_hosts. A box that cannot be reached fails its own command, never the server's.
/// </summary>
public sealed class WorkerBoxSessions(IOptions<SshTargetOptions> options, ILogger<SshSession> logger) : IAsyncDisposable
{
    private readonly Lazy<IReadOnlyList<(WorkerBoxOptions Box, SshSession Session)>> _sessions = new(() =>
        [.. options.Value.Workers.Select(box => (box, new SshSession(Options.Create(options.Value.ForBox(box)), logger)))]);

    /// <summary>Each box with its session, in the settings' order.</summary>
    public IReadOnlyList<(WorkerBoxOptions Box, SshSession Session)> All => _sessions.Value;

    public async ValueTask DisposeAsync()
    {
        if (_sessions.IsValueCreated)
        {
            foreach (var (_, session) in _sessions.Value)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
