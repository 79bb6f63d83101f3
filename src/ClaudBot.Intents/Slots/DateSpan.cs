namespace ClaudBot.Intents.Slots;

/// <summary>An inclusive range of calendar days, <see cref="From"/> through <see cref="To"/>.</summary>
public readonly record struct DateSpan(DateOnly From, DateOnly To);
