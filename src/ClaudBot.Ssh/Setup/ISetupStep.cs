namespace ClaudBot.Ssh.Setup;

/// <summary>
/// One step of setup. A step looks at what exists first and changes only what is missing or different, so
/// running setup again changes nothing and a run that failed continues where it stopped.
/// </summary>
public interface ISetupStep
{
    /// <summary>The step's name in the progress display.</summary>
    string Name { get; }

    /// <summary>Does the step; a failure is a <see cref="SetupException"/> that says why.</summary>
    Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken);
}
