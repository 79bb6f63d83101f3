using System.Reflection;
using ClaudBot.Engine.Data;

namespace ClaudBot.Cluster.Jobs;

/// <summary>The engine's version as recorded with each job: the engine assembly's informational version (with the commit where the build stamps it).</summary>
public static class EngineVersion
{
    public static string Current { get; } =
        typeof(BarSeries).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BarSeries).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
