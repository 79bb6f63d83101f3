namespace ClaudBot.Dashboard.Api;

/// <summary>Job ids as the store makes them: 1 to 16 lowercase letters or digits.</summary>
internal static class JobIds
{
    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= 16 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    public const string Rule = "A job id is 1 to 16 lowercase letters or digits.";
}
