namespace ClaudBot.Ssh.Setup;

/// <summary>
/// Where setup shows its progress and asks its questions: the CLI renders it with Spectre.Console, tests
/// record it. Setup never writes a secret here.
/// </summary>
public interface ISetupConsole
{
    /// <summary>A step finished: one line (✓ done, • already so, ✗ failed and why).</summary>
    void Report(StepReport report);

    /// <summary>A line under the current step: what is happening now, or what was written.</summary>
    void Note(string text);

    /// <summary>Something the user should know that does not stop setup (a small server, a setting that overrides).</summary>
    void Warn(string text);

    /// <summary>Asks a yes/no question; false when nobody can answer (no terminal).</summary>
    bool Confirm(string question);

    /// <summary>The closing lines (summary, next step, time taken).</summary>
    void Summary(string text);
}
