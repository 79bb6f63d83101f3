namespace ClaudBot.Testing.FakeMarket;

/// <summary>One request the fake site got: its path (no query), query, when it arrived and was answered (since the site
/// started), how many requests were open at once when it arrived (itself included), and the status sent (0: none).</summary>
public sealed record FakeRequest(string Path, string Query, TimeSpan Arrived, TimeSpan Answered, int OpenAtArrival, int Status);
