using System.Text.Json.Serialization;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// The answer of <c>POST /api/strategies/validate</c>: <see cref="ValidStrategy"/> or <see cref="InvalidStrategy"/>, told
/// apart by <see cref="Valid"/>. A bad strategy is a normal answer (200), not an HTTP error: the form asks as the user types.
/// </summary>
[JsonDerivedType(typeof(ValidStrategy))]
[JsonDerivedType(typeof(InvalidStrategy))]
public abstract record StrategyCheck([property: JsonPropertyOrder(-1)] bool Valid);
