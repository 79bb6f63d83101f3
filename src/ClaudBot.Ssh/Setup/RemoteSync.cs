using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// Uploads files into the node's folder on the server over SFTP, skipping every file whose SHA-256 there is
/// the same. Each upload goes to a temporary name in the same folder and is renamed over the old file, so a
/// running node never reads a half-written file. Nothing on the server is deleted.
/// </summary>
internal static partial class RemoteSync
{
    private const int FilesPerCommand = 400;

    public static Task<SyncResult> RunAsync(SetupContext context, IReadOnlyList<SyncItem> items, CancellationToken cancellationToken) =>
        RunAsync(context, items, context.Options.RemoteDirectory, cancellationToken);

    /// <summary>Uploads into <paramref name="folder"/> (relative to the server's home) instead of the node's folder.</summary>
    public static async Task<SyncResult> RunAsync(SetupContext context, IReadOnlyList<SyncItem> items, string folder, CancellationToken cancellationToken)
    {
        var bad = items.FirstOrDefault(i => !SafePath().IsMatch(i.RelativePath));
        if (bad is not null)
        {
            throw new SetupException($"Will not upload {bad.LocalPath}: its name ({bad.RelativePath}) has characters setup does not put on the server.");
        }

        var remote = await RemoteStateAsync(context, folder, items, cancellationToken);
        var changed = new List<SyncItem>();
        foreach (var item in items)
        {
            if (!remote.Hashes.TryGetValue(item.RelativePath, out string? there) || there != await HashAsync(item.LocalPath, cancellationToken))
            {
                changed.Add(item);
            }
        }

        var sftp = context.Server.Sftp;
        string root = $"{context.Server.Home.TrimEnd('/')}/{folder}";
        long bytes = 0;
        if (changed.Count > 0)
        {
            long total = changed.Sum(i => new FileInfo(i.LocalPath).Length);
            context.Console.Note(string.Create(CultureInfo.InvariantCulture, $"Uploading {changed.Count} file(s), {total / 1048576.0:0.0} MB, to ~/{folder}"));
            foreach (var item in changed)
            {
                context.Console.Note($"  {item.RelativePath}");
            }

            var folders = changed.Select(i => Parent($"{folder}/{i.RelativePath}")).Distinct(StringComparer.Ordinal);
            await CheckedAsync(context, SetupCommands.MakeDirectories(folders), cancellationToken);
            foreach (var item in changed)
            {
                string target = $"{root}/{item.RelativePath}";
                string temporary = $"{Parent(target)}/.{Path.GetFileName(target)}.claudbot-upload";
                await using (var source = File.OpenRead(item.LocalPath))
                {
                    await sftp.UploadFileAsync(source, temporary, cancellationToken);
                    bytes += source.Length;
                }

                sftp.ChangePermissions(temporary, item.Executable ? (short)755 : (short)644);
                sftp.RenameFile(temporary, target, isPosix: true);
            }
        }

        // An executable that lost its x bit (copied by hand, or unpacked by a tool that drops modes).
        int modes = 0;
        foreach (var item in items.Where(i => i.Executable && !changed.Contains(i) && remote.Modes.TryGetValue(i.RelativePath, out int mode) && (mode & 0x40) == 0))
        {
            sftp.ChangePermissions($"{root}/{item.RelativePath}", 755);
            modes++;
        }

        context.FilesUploaded += changed.Count;
        context.BytesUploaded += bytes;
        return new SyncResult(items.Count, [.. changed.Select(i => i.RelativePath)], bytes, modes);
    }

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public static async Task CheckedAsync(SetupContext context, RemoteCommand command, CancellationToken cancellationToken)
    {
        var result = await context.Server.RunAsync(command, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new SetupException($"'{command.Name}' failed on the server (exit {result.ExitCode}): {(result.Error + result.Output).Trim()}");
        }
    }

    // sha256sum and stat of the files as they are on the server; missing files are simply absent.
    private static async Task<(Dictionary<string, string> Hashes, Dictionary<string, int> Modes)> RemoteStateAsync(
        SetupContext context, string folder, IReadOnlyList<SyncItem> items, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var modes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in items.Chunk(FilesPerCommand))
        {
            var result = await context.Server.RunAsync(SetupCommands.Checksums(folder, chunk.Select(i => i.RelativePath)), cancellationToken);
            bool inModes = false;
            foreach (string line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line == "--modes--")
                {
                    inModes = true;
                }
                else if (!inModes && line.Length > 66 && line[64] == ' ')
                {
                    hashes[line[66..]] = line[..64];
                }
                else if (inModes && line.Split(' ', 2) is [string mode, string name] && int.TryParse(mode, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    modes[name] = Convert.ToInt32(mode, 8);
                }
            }
        }

        return (hashes, modes);
    }

    private static string Parent(string path) => path[..path.LastIndexOf('/')];

    // Names are single-quoted in commands; what is kept out is what sha256sum escapes or could climb folders: control
    // characters, backslashes, and parts starting with '.' (so no '..').
    [GeneratedRegex(@"^[^\x00-\x1F\x7F\\/.][^\x00-\x1F\x7F\\/]*(/[^\x00-\x1F\x7F\\/.][^\x00-\x1F\x7F\\/]*)*$")]
    private static partial Regex SafePath();
}
