namespace ClaudBot.Ssh.Setup;

/// <summary>What a setup step found and did.</summary>
public enum StepOutcome
{
    /// <summary>The step changed something (✓).</summary>
    Done,

    /// <summary>Reality already matched: nothing was changed (•).</summary>
    Already,

    /// <summary>The step could not finish; setup stops here (✗).</summary>
    Failed,
}
