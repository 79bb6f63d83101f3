using Microsoft.Extensions.Logging;

namespace ClaudBot.Intents.Semantic;

internal static partial class SemanticLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Semantic intent tier loaded in {Milliseconds} ms: {Examples} examples of {Intents} intents")]
    public static partial void Loaded(ILogger logger, long milliseconds, int examples, int intents);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Semantic guess {Intent} (score {Score:0.000}, margin {Margin:0.000}) or none")]
    public static partial void Guessed(ILogger logger, string? intent, double score, double margin);
}
