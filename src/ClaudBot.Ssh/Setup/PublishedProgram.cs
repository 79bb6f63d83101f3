namespace ClaudBot.Ssh.Setup;

/// <summary>A program setup publishes for the server: the node, or the <c>claudbot</c> client the bot service runs.</summary>
/// <param name="ProjectPath">The project, relative to the checkout.</param>
/// <param name="Name">Its executable's name (the apphost in the published folder).</param>
/// <param name="FolderPrefix">Before <c>RUNTIME-fd</c> in the publish folder, so the two never share one.</param>
public sealed record PublishedProgram(string ProjectPath, string Name, string FolderPrefix)
{
    public static PublishedProgram Node { get; } = new(Path.Combine("src", "ClaudBot.Node", "ClaudBot.Node.csproj"), "claudbot-node", string.Empty);

    public static PublishedProgram Client { get; } = new(Path.Combine("src", "ClaudBot", "ClaudBot.csproj"), "claudbot", "client-");
}
