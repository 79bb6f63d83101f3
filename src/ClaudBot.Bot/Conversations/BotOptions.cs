using System.ComponentModel.DataAnnotations;

namespace ClaudBot.Bot.Conversations;

/// <summary>How the conversation behaves (section <c>Bot</c>).</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>How long a question or a yes/no prompt waits for its answer. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Bot:PendingTimeout must be between 5 seconds and 1 hour.")]
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a chat's last backtest is remembered for follow-ups ("now the same for INFY"); each follow-up that
    /// queues a job remembers that one afresh. Default 2 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Bot:FollowUpWindow must be between 1 minute and 7 days.")]
    public TimeSpan FollowUpWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The audit log (JSON lines); a relative path resolves against the program's folder.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Bot:AuditLog must name a file.")]
    public string AuditLog { get; set; } = Path.Combine("logs", "audit.jsonl");

    /// <summary>Size at which the audit log rolls over to <c>audit.&lt;time&gt;.jsonl</c>. Default 10 MB.</summary>
    [Range(1024L, 1_000_000_000L, ErrorMessage = "Bot:AuditMaxBytes must be between 1024 and 1000000000.")]
    public long AuditMaxBytes { get; set; } = 10_000_000;

    /// <summary>Rolled audit logs kept besides the live one; older ones are deleted. Default 5.</summary>
    [Range(1, 100, ErrorMessage = "Bot:AuditKeep must be between 1 and 100.")]
    public int AuditKeep { get; set; } = 5;

    /// <summary>Rows of the ranked results table in a job summary.</summary>
    [Range(1, 50, ErrorMessage = "Bot:TopResults must be between 1 and 50.")]
    public int TopResults { get; set; } = 10;

    /// <summary>Results drawn on the equity chart (besides buy-and-hold).</summary>
    [Range(1, 6, ErrorMessage = "Bot:ChartResults must be between 1 and 6.")]
    public int ChartResults { get; set; } = 3;

    public string ResolveAuditLog() => Path.GetFullPath(AuditLog, AppContext.BaseDirectory);
}
