using ClaudBot.Backtesting;
using ClaudBot.Bot.Actions;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.Redis;
using ClaudBot.Targets;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Bot.Conversations;

/// <summary>
/// Runs an understood, complete, confirmed request: checks the asker's role once more, calls the
/// intent's action, and turns every failure into a reply that says what went wrong and what to do —
/// never a stack trace. Unexpected failures are logged with their stack for the owner.
/// </summary>
public sealed partial class IntentExecutor
{
    private readonly IntentCatalog _catalog;
    private readonly Dictionary<string, IIntentAction> _actions;
    private readonly ILogger<IntentExecutor> _logger;

    public IntentExecutor(IntentCatalog catalog, IEnumerable<IIntentAction> actions, ILogger<IntentExecutor> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(actions);
        _catalog = catalog;
        _actions = actions.SelectMany(a => a.Intents.Select(i => (i, a))).ToDictionary(p => p.i, p => p.a, StringComparer.Ordinal);
        _logger = logger;
    }

    /// <summary>Intents of the catalogue no action carries out (a test keeps this empty).</summary>
    public IReadOnlyList<string> Unhandled => [.. _catalog.Intents.Select(i => i.Name).Where(n => !_actions.ContainsKey(n))];

    /// <summary>Null when <paramref name="user"/> may run <paramref name="intent"/>, else why not.</summary>
    public string? Refusal(ChatUser user, string intent)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Role is not { } role)
        {
            return $"You are not allowed to use this bot. Ask its owner to add your user id {user.Id}.";
        }

        var definition = _catalog.Find(intent);
        return definition is { Role: IntentRole.Operator } && role != IntentRole.Operator
            ? $"'{MatchText.Title(intent).ToLowerInvariant()}' changes the cluster, and your role (viewer) can only look. Ask an operator."
            : null;
    }

    public async Task<Reply> ExecuteAsync(IntentMatch match, ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(message);
        if (Refusal(message.User, match.Intent!) is { } refusal)
        {
            return Reply.Error(refusal);
        }

        if (!_actions.TryGetValue(match.Intent!, out var action))
        {
            return Reply.Error($"I understood '{MatchText.Title(match.Intent!)}', but this bot has no action for it yet.");
        }

        try
        {
            return await action.ExecuteAsync(new ActionContext(match, message), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ClusterTargetException problem)
        {
            return Reply.Error(problem.Message);
        }
        catch (RedisUnavailableException unavailable)
        {
            return Reply.Error($"I cannot reach the cluster's queue: {unavailable.Message} Type 'monitor cluster' to check it, or 'start cluster'.");
        }
        catch (StackExchange.Redis.RedisException lost)
        {
            // The queue went away under an open connection (the node stopped or died).
            return Reply.Error($"I lost the cluster's queue ({lost.GetType().Name}). Type 'monitor cluster' to check the cluster, or 'start cluster'.");
        }
        catch (Exception invalid) when (InputErrors.IsInputError(invalid) || invalid is JobTooLargeException)
        {
            return Reply.Error(InputErrors.Describe(invalid) + " Type 'help' for examples.");
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            LogUnexpected(_logger, match.Intent!, unexpected);
            return Reply.Error($"Something went wrong on my side ({unexpected.GetType().Name}) while doing '{MatchText.Title(match.Intent!).ToLowerInvariant()}'. It is in the bot's log; try again, or 'monitor cluster' to see the state.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Intent {Intent} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, string intent, Exception error);
}
