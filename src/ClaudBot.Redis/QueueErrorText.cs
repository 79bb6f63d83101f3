using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace ClaudBot.Redis;

/// <summary>
/// One line for a queue server error that reached a command: which server, what happened, what to do. The client
/// library's own messages run to a dozen lines of counters, and an unhandled one printed its stack.
/// </summary>
public static partial class QueueErrorText
{
    /// <summary>Whether <paramref name="error"/> came from the queue server or the way to it (a timeout is no RedisException).</summary>
    public static bool IsQueueError(Exception error) => error is RedisException or RedisTimeoutException;

    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is RedisUnavailableException)
        {
            return error.Message;
        }

        string server = Endpoint(error.Message) is { } endpoint ? $"The queue server at {endpoint}" : "The queue server";
        return error switch
        {
            RedisTimeoutException => $"{server} did not answer in time: it is stalled or overloaded. See 'claudbot-node status' and the node's log (claudbot-node logs); if it stays silent, restart the node (claudbot-node stop, then claudbot-node start).",
            RedisConnectionException => $"{server} cannot be reached ({FirstClause(error.Message)}): check that the node runs (claudbot-node status) and start it if not.",
            _ => $"{server} refused the request ({FirstClause(error.Message)}). See the node's log (claudbot-node logs).",
        };
    }

    private static string? Endpoint(string message) => EndpointPattern().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    // "No connection is active/available to service this operation: GET x; It was not possible..." -> the part before the first ';' or ':'.
    private static string FirstClause(string message)
    {
        string first = message.Split(['\n', ';'], 2)[0].Trim();
        return first.Length <= 160 ? first : first[..160] + "…";
    }

    [GeneratedRegex(@"(?:serverEndpoint|endpoint|Endpoint)[:=]\s*([^\s,;]+)", RegexOptions.CultureInvariant)]
    private static partial Regex EndpointPattern();
}
