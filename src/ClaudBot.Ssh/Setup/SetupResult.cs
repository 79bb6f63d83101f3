namespace ClaudBot.Ssh.Setup;

/// <summary>How a setup run ended: each step's report, what was uploaded, and how long it took.</summary>
public sealed record SetupResult(IReadOnlyList<StepReport> Steps, int FilesUploaded, long BytesUploaded, TimeSpan Elapsed)
{
    /// <summary>The step that failed, if one did (setup stops there).</summary>
    public StepReport? Failure => Steps.FirstOrDefault(s => s.Outcome == StepOutcome.Failed);

    public bool Succeeded => Failure is null;

    /// <summary>Nothing was changed anywhere: every step found things already so.</summary>
    public bool ChangedNothing => Steps.All(s => s.Outcome == StepOutcome.Already);
}
