using System.ComponentModel.DataAnnotations;

namespace ClaudBot.Targets;

/// <summary>Which cluster the bot acts on (section <c>Target</c>).</summary>
public sealed class TargetOptions
{
    public const string Section = "Target";

    /// <summary><c>local</c> (the default): the node service on this machine. <c>ssh</c>: a server reached over SSH.</summary>
    [RegularExpression("^(local|ssh)$", ErrorMessage = "Target:Kind must be 'local' or 'ssh'.")]
    public string Kind { get; set; } = "local";

    /// <summary>Start the node service with the bot (local target only), so the first request needs no "start cluster".</summary>
    public bool AutoStart { get; set; }
}
