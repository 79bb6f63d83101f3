using ClaudBot.Ssh.Setup;

namespace ClaudBot.Ssh.Tests.Setup;

/// <summary>Setup's console for tests: every line recorded, every question recorded and answered with <see cref="Answer"/>.</summary>
internal sealed class RecordingSetupConsole : ISetupConsole
{
    public List<StepReport> Reports { get; } = [];

    public List<string> Lines { get; } = [];

    public List<string> Questions { get; } = [];

    public bool Answer { get; init; }

    public string Text => string.Join("\n", Lines);

    public void Report(StepReport report)
    {
        Reports.Add(report);
        Lines.Add($"{report.Outcome} {report.Step}: {report.Detail}");
        Lines.AddRange(report.Details.Select(d => "  " + d));
        Lines.AddRange(report.Warnings.Select(w => "! " + w));
    }

    public void Note(string text) => Lines.Add("  " + text);

    public void Warn(string text) => Lines.Add("! " + text);

    public bool Confirm(string question)
    {
        Questions.Add(question);
        return Answer;
    }

    public void Summary(string text) => Lines.Add(text);
}
