namespace ClaudBot.Output;

/// <summary>The CLI's exit codes.</summary>
internal static class UserErrors
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int BadInput = 2;
    public const int Cancelled = 130;
}
