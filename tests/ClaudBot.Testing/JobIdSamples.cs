namespace ClaudBot.Testing;

/// <summary>
/// The strings every entry point that takes a job id is run through (the id type itself, the chat's job slot,
/// the dashboard's routes, the ssh target's results-file check), so all of them accept and refuse the same ones.
/// Upper case is left out on purpose: the chat folds what people type, the others take ids as the store made them.
/// </summary>
public static class JobIdSamples
{
    /// <summary>Ids: six lowercase ASCII letters or digits, look-alikes (0, 1, i, l, o) included.</summary>
    public static IEnumerable<object[]> Valid { get; } = Rows("k7m2qz", "abc234", "abc123", "zzzzzz", "222222", "0o1il9");

    /// <summary>Not ids: wrong length (the dashboard used to take 1 to 16), other characters, look-alike Unicode.</summary>
    public static IEnumerable<object[]> Invalid { get; } = Rows(
        "", "abc23", "abc2345", "abcdefgh", "abcdefghijklmnop", "17", "1234567890",
        "abc-23", "ab_c23", "abc.23", "abc 23", "abcdé2", "ａｂｃ２３４", "\u212A7m2qz", "../etc", "abc23*", "$(id)x", "k7m2q\n");

    private static object[][] Rows(params string[] samples) => [.. samples.Select(s => new object[] { s })];
}
