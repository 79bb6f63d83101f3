namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>Text as Telegram stores it: plain characters plus the entities parsed out of the markup.</summary>
public sealed record FormattedText(string Text, IReadOnlyList<TextEntity> Entities)
{
    public static readonly FormattedText Empty = new(string.Empty, []);

    public bool SameAs(FormattedText other) =>
        string.Equals(Text, other.Text, StringComparison.Ordinal) && Entities.SequenceEqual(other.Entities);
}
