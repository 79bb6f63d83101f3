using ClaudBot.Intents.Matching;

namespace ClaudBot.Intents.Llm;

/// <summary>
/// What the bot calls for each message: the pattern matcher first; when it finds nothing (or nothing sure
/// enough) and an LLM endpoint is configured, the <see cref="LlmIntentFallback"/>; when that gives nothing
/// either, the pattern matcher's answer with its help hint.
/// </summary>
public sealed class IntentResolver
{
    private readonly IntentMatcher _matcher;
    private readonly LlmIntentFallback _fallback;
    private readonly TimeProvider _time;

    public IntentResolver(IntentMatcher matcher, LlmIntentFallback fallback, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(time);
        _matcher = matcher;
        _fallback = fallback;
        _time = time;
    }

    /// <summary>The best reading of <paramref name="text"/>; with no intent, its suggestions are the help hint.</summary>
    /// <param name="today">For relative periods ("last 3 years"); null is today on the injected clock.</param>
    public async Task<IntentMatch> ResolveAsync(string text, DateOnly? today, CancellationToken cancellationToken)
    {
        var day = today ?? DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        var match = _matcher.Match(text, day);
        if ((match.Intent is not null && match.Confidence >= IntentMatcher.Threshold) || !_fallback.IsEnabled)
        {
            return match;
        }

        return await _fallback.TryMatchAsync(text, day, cancellationToken).ConfigureAwait(false) ?? match;
    }

    /// <summary>
    /// Whether the bot must show what it understood and wait for a yes before acting: always for what the LLM
    /// understood, and for the intents the catalogue marks <c>confirm</c>.
    /// </summary>
    public bool RequiresConfirmation(IntentMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Source == LlmIntentFallback.Source || (match.Intent is { } name && _matcher.Catalog.Find(name)?.Confirm == true);
    }
}
