namespace ClaudBot.Bot.Audit;

/// <summary>
/// One decision of the bot, as a line of the audit log: who asked what, in which chat, what it was read
/// as, and what came of it. <see cref="Outcome"/> is one of <see cref="AuditOutcomes"/>.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string Channel,
    string Chat,
    string User,
    string UserName,
    string Text,
    string? Intent,
    string? Source,
    IReadOnlyDictionary<string, string> Slots,
    string Outcome,
    string? Detail,
    double DurationMs);

/// <summary>The outcomes an audit line can record.</summary>
public static class AuditOutcomes
{
    public const string Executed = "executed";
    public const string Failed = "failed";
    public const string Denied = "denied";
    public const string Rejected = "rejected";
    public const string NotUnderstood = "not_understood";
    public const string Declined = "declined";
    public const string Expired = "expired";
}
