namespace ClaudBot.UserData;

/// <summary>One symbol in <c>claudbot data</c>: its dates, bar count, where its rows came from and when (null for bundled data).</summary>
internal sealed record DataRow(string Symbol, DateOnly? First, DateOnly? Last, int Bars, string Source, DateTimeOffset? Updated, string? Problem = null);
