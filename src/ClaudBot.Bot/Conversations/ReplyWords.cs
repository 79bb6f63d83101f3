namespace ClaudBot.Bot.Conversations;

/// <summary>Short answers to the bot's questions: yes, no, and "forget it".</summary>
internal static class ReplyWords
{
    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase) { "yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "confirm", "confirmed", "go", "go ahead", "do it", "proceed" };

    private static readonly HashSet<string> No = new(StringComparer.OrdinalIgnoreCase) { "no", "n", "nope", "nah", "cancel", "abort", "never mind", "nevermind", "forget it", "don't", "dont" };

    public static bool IsYes(string text) => Yes.Contains(Clean(text));

    public static bool IsNo(string text) => No.Contains(Clean(text));

    private static string Clean(string text) => text.Trim().TrimEnd('.', '!', '?').Trim();
}
