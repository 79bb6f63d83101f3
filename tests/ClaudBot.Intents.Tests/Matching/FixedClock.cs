namespace ClaudBot.Intents.Tests.Matching;

/// <summary>A clock stopped at one instant, in UTC, so "today" is the same wherever the tests run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => now;
}
