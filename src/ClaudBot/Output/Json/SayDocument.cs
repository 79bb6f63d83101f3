namespace ClaudBot.Output.Json;

/// <summary>
/// <c>say --json</c> and <c>submit --json</c>: what was asked, the intent it was read as, and the whole reply
/// (text lines, tables, files saved such as the equity chart) with the job it queued and the state it ended in
/// when followed. <see cref="ExitCode"/> is the process's exit code (see <c>ExitCodes</c>).
/// </summary>
internal sealed record SayDocument(
    string Text,
    string? Intent,
    bool Succeeded,
    bool NeedsAnswer,
    bool NeedsConfirmation,
    int ExitCode,
    string? JobId,
    string? JobState,
    IReadOnlyList<string> Lines,
    IReadOnlyList<TableDocument> Tables,
    IReadOnlyList<string> Files);

/// <summary>A table of a reply (a ranking, a job list) as its title, column names and rows of cells.</summary>
internal sealed record TableDocument(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
