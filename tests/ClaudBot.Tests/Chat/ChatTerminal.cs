namespace ClaudBot.Tests.Chat;

/// <summary>
/// <c>claudbot chat</c> in a real terminal (<see cref="TmuxSession"/>). An exchange is over when a bare
/// prompt is the last line again: the chat writes it only after the whole reply (a followed job's
/// summary included).
/// </summary>
internal sealed class ChatTerminal(TmuxSession tmux) : IAsyncDisposable
{
    public const string Prompt = "claudbot> ";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public TmuxSession Tmux { get; } = tmux;

    public static async Task<ChatTerminal> StartAsync(IsolatedState state) =>
        new(await TmuxSession.StartAsync([ClaudBotProgram.Host, ClaudBotProgram.Dll, "chat"], state.Variables, state.Folder));

    public static bool AtPrompt(Screen screen) => screen.LastLine == Prompt.TrimEnd();

    public Task<Screen> WaitForPromptAsync() => Tmux.WaitForScreenAsync(AtPrompt, DefaultTimeout, "the prompt");

    /// <summary>Enters <paramref name="line"/> and returns the lines of the reply.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string line, TimeSpan? timeout = null)
    {
        await EnterAsync(line);
        return await ReplyAsync(line, timeout);
    }

    /// <summary>Types <paramref name="line"/>, waits for it on the prompt line and presses Enter, without waiting for the reply.</summary>
    public async Task EnterAsync(string line)
    {
        await Tmux.TypeAsync(line);
        await PressEnterAsync(line);
    }

    /// <summary>Presses Enter once the prompt line shows <paramref name="line"/> (typed, or recalled from the history).</summary>
    public async Task PressEnterAsync(string line)
    {
        await Tmux.WaitForScreenAsync(s => s.LastLine == Prompt + line, DefaultTimeout, $"\"{line}\" on the prompt line");
        await Tmux.SendKeysAsync("Enter");
    }

    /// <summary>
    /// Waits for the prompt to come back after <paramref name="line"/> was entered and returns the lines in
    /// between. Until then the last line is the entered one or the reply: never a bare prompt.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReplyAsync(string line, TimeSpan? timeout = null)
    {
        var screen = await Tmux.WaitForScreenAsync(AtPrompt, timeout ?? DefaultTimeout, $"the reply to \"{line}\"");
        int entered = screen.Lines.ToList().FindLastIndex(l => l == Prompt + line);
        Assert.True(entered >= 0, $"\"{line}\" was not entered. Screen:\n{screen}");
        return [.. screen.Lines.Skip(entered + 1).SkipLast(1)];
    }

    public ValueTask DisposeAsync() => Tmux.DisposeAsync();
}
