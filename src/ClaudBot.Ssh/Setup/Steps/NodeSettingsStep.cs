namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// The node's appsettings.json on the server: the shipped file with every value already there kept (so edits
/// made on the server survive), and <c>Redis:ConnectionString</c> set for the chosen Redis (empty = embedded).
/// Written only when that differs from what is there.
/// </summary>
public sealed class NodeSettingsStep : ISetupStep
{
    public const string SystemRedis = "127.0.0.1:6379";
    public const int EmbeddedRedisPort = 6399;

    public string Name => "Node settings";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string path = $"{context.Options.RemoteDirectory}/appsettings.json";
        string shippedFile = Path.Combine(context.NodeDirectory!, "appsettings.json");
        var shipped = File.Exists(shippedFile) ? JsonSettings.Parse(await File.ReadAllTextAsync(shippedFile, cancellationToken), shippedFile) : [];
        string? text = await RemoteFiles.ReadAsync(context, path, cancellationToken);
        var current = text is null ? null : JsonSettings.Parse(text, $"~/{path} on the server");

        var desired = current is null ? shipped : JsonSettings.Overlay(shipped, current);
        string redis = context.Options.IsWorkerBox ? WorkerBoxSettings.Apply(context, desired) : Redis(context, desired);
        if (current is not null && System.Text.Json.Nodes.JsonNode.DeepEquals(desired, current))
        {
            return StepReport.Already(Name, $"~/{path} is up to date (Redis: {redis})");
        }

        await RemoteFiles.WriteAsync(context, path, JsonSettings.Bytes(desired), cancellationToken);
        return StepReport.Done(Name, $"{(current is null ? "wrote" : "updated")} ~/{path} (Redis: {redis})");
    }

    // Points the node at the chosen Redis, and tells the client which port on the server to tunnel to.
    private static string Redis(SetupContext context, System.Text.Json.Nodes.JsonObject settings)
    {
        if (context.Options.Redis == RedisMode.System)
        {
            JsonSettings.Section(settings, "Redis")["ConnectionString"] = SystemRedis;
            context.RedisPort = 6379;
            return $"redis-server at {SystemRedis}";
        }

        if (settings["Redis"] is System.Text.Json.Nodes.JsonObject section)
        {
            if (section.ContainsKey("ConnectionString"))
            {
                section["ConnectionString"] = string.Empty;
            }

            if (section["EmbeddedPort"] is System.Text.Json.Nodes.JsonValue port && port.TryGetValue(out int embedded))
            {
                context.RedisPort = embedded;
                return $"embedded, 127.0.0.1:{embedded}";
            }
        }

        context.RedisPort = EmbeddedRedisPort;
        return $"embedded, 127.0.0.1:{EmbeddedRedisPort}";
    }
}
