using System.Text.Json.Nodes;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// The box in the client's settings (<c>Target:Ssh:Workers</c>, one item per host), so start, stop and logs reach it;
/// the server's own <c>Target:Ssh</c> values stay as they are. Written only when something differs.
/// </summary>
public sealed class WorkerSettingsStep : ISetupStep
{
    public string Name => "Client settings";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var box = new JsonObject
        {
            ["Host"] = options.Host,
            ["User"] = options.User,
            ["Port"] = options.Port,
            ["RemoteDirectory"] = options.RemoteDirectory,
            ["ServiceManager"] = context.ServiceManager ?? "pidfile",
        };
        bool changed = await ClientSettingsFile.UpdateAsync(options.SettingsFile, settings => Put(settings, box), cancellationToken);
        string what = $"{options.Target.Describe()} is a worker box of {options.Server!.Describe()} in {Path.GetFullPath(options.SettingsFile)} (Target:Ssh:Workers)";
        return changed ? StepReport.Done(Name, "recorded " + what) : StepReport.Already(Name, what);
    }

    /// <summary>The workers list with <paramref name="box"/> in place of any item with its host.</summary>
    public static void Put(JsonObject settings, JsonObject box)
    {
        ArgumentNullException.ThrowIfNull(box);
        var workers = Workers(settings);
        int index = IndexOf(workers, (string)box["Host"]!);
        if (index >= 0)
        {
            workers[index] = box;
        }
        else
        {
            workers.Add(box);
        }
    }

    /// <summary>Takes the box of <paramref name="host"/> out of the list; false when it was not there.</summary>
    public static bool Remove(JsonObject settings, string host)
    {
        var workers = Workers(settings);
        int index = IndexOf(workers, host);
        if (index >= 0)
        {
            workers.RemoveAt(index);
        }

        return index >= 0;
    }

    private static JsonArray Workers(JsonObject settings)
    {
        var ssh = JsonSettings.Section(settings, "Target", "Ssh");
        if (ssh["Workers"] is not JsonArray workers)
        {
            workers = [];
            ssh["Workers"] = workers;
        }

        return workers;
    }

    private static int IndexOf(JsonArray workers, string host)
    {
        for (int i = 0; i < workers.Count; i++)
        {
            if (workers[i] is JsonObject item && string.Equals((string?)item["Host"], host, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
