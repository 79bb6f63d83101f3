using System.Text.Json.Nodes;
using ClaudBot.Hosting;

namespace ClaudBot.Ssh.Setup;

/// <summary>The client's settings file, changed in place: every key setup does not own stays; written whole through a temporary name.</summary>
internal static class ClientSettingsFile
{
    /// <summary>Applies <paramref name="change"/> and writes the file when that changed anything; true when it was written.</summary>
    public static async Task<bool> UpdateAsync(string settingsFile, Action<JsonObject> change, CancellationToken cancellationToken)
    {
        string file = Path.GetFullPath(settingsFile);
        var current = File.Exists(file) ? JsonSettings.Parse(await File.ReadAllTextAsync(file, cancellationToken), file) : [];
        var desired = current.DeepClone().AsObject();
        change(desired);
        if (JsonNode.DeepEquals(current, desired))
        {
            return false;
        }

        PrivateFiles.CreateDirectory(Path.GetDirectoryName(file)!);
        string temporary = file + ".claudbot-setup";
        await PrivateFiles.WriteAllBytesAsync(temporary, JsonSettings.Bytes(desired), cancellationToken);
        File.Move(temporary, file, overwrite: true);
        return true;
    }
}
