namespace ClaudBot.Cluster;

/// <summary>
/// How the long-running node process (<c>claudbot-node run</c>: driver and workers) is started, wherever it is started
/// from (the daemon launcher, the systemd unit, the bench): with tiered compilation off, so the engine's loops and the
/// queue's code are compiled optimised on first call. Measured on the 2-core machine (December 2026): the 29,400-backtest
/// sweep ran in 1.1-1.4 s with tiering, 0.85-0.97 s with only its profile-guided tier off, 0.54-0.65 s warm with tiering
/// off, the tiered compiler's threads having taken over a third of the CPU during a sweep. Short commands (status, jobs)
/// keep tiering: they start about 0.3 s faster with it.
/// </summary>
public static class NodeRuntimeSettings
{
    /// <summary>The variable and its value, set unless the user's environment already sets it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_TieredCompilation"] = "0",
    };

    /// <summary>Sets <see cref="Environment"/> on a process about to start, leaving any the user set.</summary>
    public static void Apply(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (name, value) in Environment)
        {
            if (!environment.ContainsKey(name))
            {
                environment[name] = value;
            }
        }
    }
}
