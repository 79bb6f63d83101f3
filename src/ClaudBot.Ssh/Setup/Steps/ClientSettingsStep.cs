using System.Text.Json.Nodes;
using ClaudBot.Hosting;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// The client's settings file: <c>Target:Kind</c> = <c>ssh</c> and the <c>Target:Ssh</c> values setup chose,
/// merged into the file so every other key stays. Written only when something differs; what was written is shown.
/// </summary>
public sealed class ClientSettingsStep : ISetupStep
{
    public string Name => "Client settings";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string file = Path.GetFullPath(context.Options.SettingsFile);
        var current = File.Exists(file) ? JsonSettings.Parse(await File.ReadAllTextAsync(file, cancellationToken), file) : [];
        var desired = current.DeepClone().AsObject();
        Apply(context, desired);
        if (JsonNode.DeepEquals(current, desired))
        {
            return StepReport.Already(Name, $"{file} already targets {context.Options.Target.Describe()}");
        }

        PrivateFiles.CreateDirectory(Path.GetDirectoryName(file)!);
        string temporary = file + ".claudbot-setup";
        await PrivateFiles.WriteAllBytesAsync(temporary, JsonSettings.Bytes(desired), cancellationToken);
        File.Move(temporary, file, overwrite: true);
        string written = $"\"Target\": {JsonSettings.Write(desired["Target"]!).TrimEnd()}";
        return StepReport.Done(Name, $"wrote the Target section of {file}:") with { Details = written.Split('\n') };
    }

    /// <summary>Sets the keys setup owns; everything else in <paramref name="settings"/> is left as it is.</summary>
    public static void Apply(SetupContext context, JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        JsonSettings.Section(settings, "Target")["Kind"] = "ssh";
        var ssh = JsonSettings.Section(settings, "Target", "Ssh");
        ssh["Host"] = options.Host;
        ssh["User"] = options.User;
        ssh["Port"] = options.Port;
        ssh["IdentityFile"] = options.IdentityFile;
        ssh["KnownHostsFile"] = options.KnownHostsFile;
        ssh["RemoteDirectory"] = options.RemoteDirectory;
        ssh["ServiceManager"] = context.ServiceManager ?? "pidfile";
        ssh["RedisPort"] = context.RedisPort;
    }
}
