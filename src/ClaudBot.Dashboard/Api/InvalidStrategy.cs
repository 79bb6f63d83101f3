using System.Text.Json.Serialization;

namespace ClaudBot.Dashboard.Api;

/// <summary>A strategy text a job would refuse, with the same one-line message the job would give.</summary>
/// <param name="Error">The one-line message; a rule's names the column ("unknown indicator 'smaa' at column 10: did you mean sma?").</param>
/// <param name="Column">The 1-based column the message names, or null when the error is about the text as a whole.</param>
/// <param name="Caret">Two lines, the text (or the part around the error) and a caret under the column; null with the column.</param>
public sealed record InvalidStrategy(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Column,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Caret) : StrategyCheck(false);
