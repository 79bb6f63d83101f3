namespace ClaudBot.Testing;

/// <summary>
/// <c>./test.sh --quick</c> sets <see cref="Variable"/> and leaves out the tests marked
/// <c>[Trait("Category", "RealServer")]</c>. The harnesses that start a real server (redis-server, the
/// embedded queue server, a node, sshd, tmux, chromium) call <see cref="Refuse"/> first, so a test that
/// needs one but lacks the mark fails at once with a message saying so, instead of quietly starting it.
/// </summary>
public static class QuickRun
{
    public const string Variable = "CLAUDBOT_TEST_QUICK";

    // Left in the home (CLAUDBOT_HOME, which the local target passes to the node) by the stand-in node.
    private const string NodeRefusedMarker = "quick-run-node-refused";

    private static readonly Lazy<string> NodeStandInPath = new(WriteNodeStandIn);

    public static bool IsOn => Environment.GetEnvironmentVariable(Variable) == "1";

    public static string Refusal(string server) =>
        $"This test needs a real server ({server}), which './test.sh --quick' does not start: mark its class or method [Trait(\"Category\", \"RealServer\")].";

    /// <summary>Throws in a quick run: the caller is about to start <paramref name="server"/>.</summary>
    public static void Refuse(string server)
    {
        if (IsOn)
        {
            throw new InvalidOperationException(Refusal(server));
        }
    }

    /// <summary>
    /// Settings for a bot whose local target would start <c>claudbot-node</c>: in a quick run, <c>Target:NodeProgram</c>
    /// names a stand-in that prints <see cref="Refusal"/> and exits 1, so the reply (and the failing test) says why.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> NodeSettings()
    {
        if (IsOn)
        {
            yield return new("Target:NodeProgram", NodeStandInPath.Value);
        }
    }

    /// <summary>
    /// Throws when the stand-in node was asked to start in <paramref name="home"/>: the harness that owns the home
    /// calls this when the test ends, so the test fails with <see cref="Refusal"/> rather than with whatever
    /// assertion met the missing cluster first.
    /// </summary>
    public static void ThrowIfNodeWasRefused(string home)
    {
        if (File.Exists(Path.Combine(home, NodeRefusedMarker)))
        {
            throw new InvalidOperationException(Refusal("claudbot-node"));
        }
    }

    // The local target runs the apphost named claudbot-node in Target:NodeProgram's folder when there is no dll beside it.
    private static string WriteNodeStandIn()
    {
        string folder = Directory.CreateTempSubdirectory("claudbot-quick-node-").FullName;
        string path = Path.Combine(folder, "claudbot-node");
        string refusal = Refusal("claudbot-node").Replace("'", "'\\''", StringComparison.Ordinal);
        File.WriteAllText(path, $"#!/bin/sh\necho '{refusal}'\n[ -z \"$CLAUDBOT_HOME\" ] || {{ mkdir -p \"$CLAUDBOT_HOME\" && touch \"$CLAUDBOT_HOME/{NodeRefusedMarker}\"; }}\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
