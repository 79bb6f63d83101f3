using ClaudBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace ClaudBot.Ssh;

/// <summary>
/// The setup guide's variables, honoured so its users' habits carry over: <c>WORKER_HOST</c> (the server;
/// setting it chooses the ssh target), <c>WORKER_USER</c>, <c>CLUSTER_PORT</c> (the dashboard's port). They
/// come from the environment or from a <c>.env</c> file in the home's config folder (<c>KEY=value</c> lines, <c>#</c>
/// comments, optional quotes), the environment winning, and override <c>appsettings.json</c>.
/// </summary>
public static class GuideEnvironment
{
    private static readonly (string Variable, string Key)[] Map =
    [
        ("WORKER_HOST", SshTargetOptions.Section + ":Host"),
        ("WORKER_USER", SshTargetOptions.Section + ":User"),
        ("CLUSTER_PORT", SshTargetOptions.Section + ":DashboardPort"),
    ];

    public static IConfigurationBuilder AddGuideEnvironment(this IConfigurationBuilder builder, string? dotEnvFile = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var file = ReadDotEnv(dotEnvFile ?? ClaudBotHome.Resolve().DotEnvFile);
        var settings = new Dictionary<string, string?>();
        foreach (var (variable, key) in Map)
        {
            string? value = Environment.GetEnvironmentVariable(variable) ?? file.GetValueOrDefault(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                settings[key] = value.Trim();
            }
        }

        if (settings.ContainsKey(Map[0].Key))
        {
            settings["Target:Kind"] = "ssh";
        }

        return builder.AddInMemoryCollection(settings);
    }

    /// <summary>The <c>KEY=value</c> pairs of a .env file; a missing file is empty.</summary>
    public static IReadOnlyDictionary<string, string> ReadDotEnv(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }

        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || equals <= 0)
            {
                continue;
            }

            string value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            values[line[..equals].Trim()] = value;
        }

        return values;
    }
}
