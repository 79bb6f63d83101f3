namespace ClaudBot.Ssh.Setup;

/// <summary>
/// A setup console for a step run on the bot's behalf (a chat's "update data" pushing what it fetched): the step's
/// report is the reply, so its progress lines go nowhere and nothing can be asked.
/// </summary>
internal sealed class QuietSetupConsole : ISetupConsole
{
    public void Report(StepReport report)
    {
    }

    public void Note(string text)
    {
    }

    public void Warn(string text)
    {
    }

    public bool Confirm(string question) => false;

    public void Summary(string text)
    {
    }
}
