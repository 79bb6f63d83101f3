using System.Text.Json.Nodes;

namespace ClaudBot.Ssh.Setup.Telegram;

/// <summary>
/// The bot's appsettings.json on the server: the client's shipped settings, with the keys setup owns put over what is
/// there. Target is the server's own node (<c>local</c>, its program named), so the bot talks to the node directly,
/// no SSH; the node's sections (Redis, Cluster, MarketData, Dashboard, Backtest) are copied from the node's settings
/// so both agree on the queue's port and the folders; Telegram gets the users, the Bot API address and the token file.
/// </summary>
public sealed class BotSettingsStep : ISetupStep
{
    private static readonly string[] NodeSections = ["Redis", "Cluster", "MarketData", "Dashboard", "Backtest"];

    public string Name => "Bot settings";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        string path = BotPaths.Settings(options);
        string shippedFile = Path.Combine(context.BotDirectory!, "appsettings.json");
        var shipped = File.Exists(shippedFile) ? JsonSettings.Parse(await File.ReadAllTextAsync(shippedFile, cancellationToken), shippedFile) : [];
        string nodeSettings = $"{options.RemoteDirectory}/appsettings.json";
        var node = await RemoteFiles.ReadAsync(context, nodeSettings, cancellationToken) is { } nodeText
            ? JsonSettings.Parse(nodeText, $"~/{nodeSettings} on the server")
            : throw new SetupException($"~/{nodeSettings} is missing on the server: run 'claudbot setup' (without --telegram) first.");
        string? text = await RemoteFiles.ReadAsync(context, path, cancellationToken);
        var current = text is null ? null : JsonSettings.Parse(text, $"~/{path} on the server");

        var desired = current is null ? shipped : JsonSettings.Overlay(shipped, current);
        Apply(context, desired, node);
        if (current is not null && JsonNode.DeepEquals(desired, current))
        {
            return StepReport.Already(Name, $"~/{path} is up to date ({Users(options)})");
        }

        await RemoteFiles.WriteAsync(context, path, JsonSettings.Bytes(desired), cancellationToken);
        context.BotChanged = true;
        return StepReport.Done(Name, $"{(current is null ? "wrote" : "updated")} ~/{path} ({Users(options)}; target: the node on the server)");
    }

    /// <summary>Sets the keys setup owns in the bot's settings; everything else stays.</summary>
    public static void Apply(SetupContext context, JsonObject settings, JsonObject nodeSettings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(nodeSettings);
        var options = context.Options;
        var telegram = options.Telegram ?? new TelegramSetupOptions();
        string home = context.Server.Home.TrimEnd('/');
        string nodeFolder = $"{home}/{options.RemoteDirectory}";
        foreach (string name in NodeSections)
        {
            settings.Remove(name);
            if (nodeSettings[name] is JsonObject copied)
            {
                settings[name] = copied.DeepClone();
            }
        }

        // The node reads its bundled data from its own folder; the bot reads the same files there.
        JsonSettings.Section(settings, "MarketData")["Directory"] = $"{nodeFolder}/data";
        var target = JsonSettings.Section(settings, "Target");
        target["Kind"] = "local";
        target["NodeProgram"] = $"{nodeFolder}/claudbot-node";
        var section = JsonSettings.Section(settings, "Telegram");
        section["TokenFile"] = context.BotTokenFile;
        section.Remove("Token");
        if (string.IsNullOrWhiteSpace(telegram.ApiBaseUrl))
        {
            section.Remove("ApiBaseUrl");
        }
        else
        {
            section["ApiBaseUrl"] = telegram.ApiBaseUrl;
        }

        section["Users"] = new JsonArray([.. telegram.Users.Select(u => (JsonNode)new JsonObject { ["Id"] = u.Id, ["Role"] = u.Role })]);
    }

    private static string Users(SetupOptions options) => options.Telegram?.Users.Count switch
    {
        null or 0 => "no users allowed yet",
        1 => "1 user allowed",
        int n => $"{n} users allowed",
    };
}
