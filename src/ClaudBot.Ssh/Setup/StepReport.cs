namespace ClaudBot.Ssh.Setup;

/// <summary>One line of setup's progress: the step, its outcome, and what it found or did (or why it failed).</summary>
public sealed record StepReport(string Step, StepOutcome Outcome, string Detail)
{
    /// <summary>More about what the step did (shown under its line), e.g. the settings it wrote.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>What the user should know that did not stop the step (shown under its line).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static StepReport Done(string step, string detail) => new(step, StepOutcome.Done, detail);

    public static StepReport Already(string step, string detail) => new(step, StepOutcome.Already, detail);
}
