using Microsoft.Extensions.Logging;

namespace ClaudBot.Intents.Llm;

/// <summary>The LLM fallback's log events, source-generated. None carries the API key or the user's text.</summary>
internal static partial class LlmLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "LLM fallback: no reply from {Endpoint} within {Timeout}; showing the help hint")]
    public static partial void TimedOut(ILogger logger, string endpoint, TimeSpan timeout);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "LLM fallback: the request to {Endpoint} failed ({ErrorType}, HTTP status {StatusCode}): {Reason}; showing the help hint")]
    public static partial void RequestFailed(ILogger logger, string endpoint, string errorType, int? statusCode, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "LLM fallback: the model answered without a function call; not understood")]
    public static partial void NoFunctionCall(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "LLM fallback: the model called {FunctionName}, which is not an intent of the catalogue; ignored")]
    public static partial void UnknownFunction(ILogger logger, string functionName);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "LLM fallback: the arguments of the model's call to {FunctionName} are not valid JSON; ignored")]
    public static partial void BadArguments(ILogger logger, string functionName);
}
