using System.Text.Json;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// Publishes claudbot-node (or another <see cref="PublishedProgram"/>: the client the bot service runs) from the source
/// checkout the program runs from, for the server's runtime:
/// framework-dependent when the server has .NET 10, self-contained otherwise. Intermediate files go under
/// the publish folder (<c>--artifacts-path</c>), so the checkout's own bin/obj are left alone; a publish is
/// skipped while it is newer than every source file.
/// </summary>
internal static class NodePublisher
{
    public static readonly string ProjectPath = PublishedProgram.Node.ProjectPath;

    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "state", "TestResults"];

    // What the published programs are built from or carry: the code, the bundled data, the client's intent catalogue
    // and the cost presets (both copied into the output by their projects).
    private static readonly string[] SourceFolders = ["src", "data", "intents", "costs"];

    // Root files no build reads: editing the README must not cost a ten-minute publish.
    private static readonly string[] DocumentExtensions = [".md", ".sh"];

    /// <summary>The checkout's root: the first folder at or above <paramref name="start"/> that holds the node's project.</summary>
    public static string? FindCheckout(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ProjectPath)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    public static string OutputFolder(string publishRoot, string runtime, bool selfContained, PublishedProgram? program = null) =>
        Path.Combine(publishRoot, $"{(program ?? PublishedProgram.Node).FolderPrefix}{runtime}-{(selfContained ? "sc" : "fd")}");

    public static IReadOnlyList<string> Arguments(string checkout, string runtime, bool selfContained, string output, string publishRoot, PublishedProgram? program = null) =>
    [
        "publish", Path.Combine(checkout, (program ?? PublishedProgram.Node).ProjectPath),
        "-c", "Release",
        "-r", runtime,
        "--self-contained", selfContained ? "true" : "false",
        "-o", output,
        "--artifacts-path", Path.Combine(publishRoot, "build"),
        "--nologo",
        "-v", "quiet",
    ];

    /// <summary>True when <paramref name="output"/> was published after the last change to any source file.</summary>
    public static bool IsFresh(string checkout, string output, PublishedProgram? program = null)
    {
        string stamp = Stamp(output);
        if (!File.Exists(stamp) || !File.Exists(Path.Combine(output, (program ?? PublishedProgram.Node).Name)))
        {
            return false;
        }

        var published = File.GetLastWriteTimeUtc(stamp);
        return !Sources(checkout).Any(file => File.GetLastWriteTimeUtc(file) > published);
    }

    public static Task PublishAsync(string checkout, string runtime, bool selfContained, string output, string publishRoot, CancellationToken cancellationToken) =>
        PublishAsync(PublishedProgram.Node, checkout, runtime, selfContained, output, publishRoot, cancellationToken);

    public static async Task PublishAsync(PublishedProgram program, string checkout, string runtime, bool selfContained, string output, string publishRoot, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(publishRoot);
        File.Delete(Stamp(output));
        var result = await LocalProcess.RunAsync("dotnet", Arguments(checkout, runtime, selfContained, output, publishRoot, program), cancellationToken, checkout)
            ?? throw new SetupException($"dotnet was not found: publishing {program.Name} needs the .NET 10 SDK (or pass a published {program.Name} folder).");
        if (result.ExitCode != 0)
        {
            string[] lines = (result.Output + "\n" + result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            throw new SetupException($"dotnet publish of {program.Name} for {runtime} failed (exit {result.ExitCode}): {string.Join(" | ", lines.TakeLast(5))}");
        }

        await File.WriteAllTextAsync(Stamp(output), runtime + "\n", cancellationToken);
    }

    /// <summary>The runtime a published folder was built for (from its deps.json), or null for a portable build.</summary>
    public static string? RuntimeOf(string folder)
    {
        string deps = Path.Combine(folder, "claudbot-node.deps.json");
        if (!File.Exists(deps))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(deps));
        string? target = json.RootElement.TryGetProperty("runtimeTarget", out var t) && t.TryGetProperty("name", out var n) ? n.GetString() : null;
        int slash = target?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0 ? target![(slash + 1)..] : null;
    }

    /// <summary>A self-contained folder carries the runtime itself.</summary>
    public static bool IsSelfContained(string folder) => File.Exists(Path.Combine(folder, "libcoreclr.so"));

    // Beside the output folder, so it is never uploaded.
    private static string Stamp(string output) => output.TrimEnd('/') + ".stamp";

    // Everything a publish reads: src/ (without build output), the bundled data, intents and costs, and the root's build files.
    private static IEnumerable<string> Sources(string checkout)
    {
        foreach (string file in Directory.EnumerateFiles(checkout).Where(f => !DocumentExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)))
        {
            yield return file;
        }

        foreach (string folder in SourceFolders.Select(f => Path.Combine(checkout, f)).Where(Directory.Exists))
        {
            var pending = new Stack<string>([folder]);
            while (pending.TryPop(out string? current))
            {
                foreach (string file in Directory.EnumerateFiles(current))
                {
                    yield return file;
                }

                foreach (string sub in Directory.EnumerateDirectories(current).Where(d => !SkippedFolders.Contains(Path.GetFileName(d)) && !Path.GetFileName(d).StartsWith('.')))
                {
                    pending.Push(sub);
                }
            }
        }
    }
}
