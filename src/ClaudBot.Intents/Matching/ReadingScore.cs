namespace ClaudBot.Intents.Matching;

/// <summary>
/// What ranks one reading of a phrase against another: the share of the phrase it explains, whether every slot's
/// value is valid, and how many of its words were the pattern's own.
/// </summary>
internal readonly record struct ReadingScore(double Confidence, bool Valid, int Literals) : IComparable<ReadingScore>
{
    /// <summary>
    /// The reading that explains more of the phrase wins; at equal cover a valid one beats one with a
    /// rejected slot. So a value the user typed wrongly ("keep 20000") is reported, never skipped over
    /// in favour of a default.
    /// </summary>
    public bool IsBetterThan(ReadingScore other) =>
        Confidence != other.Confidence ? Confidence > other.Confidence : Valid != other.Valid ? Valid : Literals > other.Literals;

    public int CompareTo(ReadingScore other) => IsBetterThan(other) ? 1 : other.IsBetterThan(this) ? -1 : 0;
}
