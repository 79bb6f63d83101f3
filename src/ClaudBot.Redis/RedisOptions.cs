using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace ClaudBot.Redis;

/// <summary>
/// Where the cluster's Redis is (section <c>Redis</c>): a real Redis given by
/// <see cref="ConnectionString"/>, or, when that is empty, the embedded server on this box.
/// </summary>
public sealed class RedisOptions : IValidatableObject
{
    public const string Section = "Redis";

    /// <summary>
    /// A StackExchange.Redis connection string (e.g. <c>10.0.0.5:6379,password=…</c>); null or empty uses
    /// the embedded server. Its password never reaches a log or an error message.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Port of the embedded server on 127.0.0.1; 0 picks a free one. Default 6399.</summary>
    [Range(0, 65535, ErrorMessage = "Redis:EmbeddedPort must be between 0 (pick a free port) and 65535.")]
    public int EmbeddedPort { get; set; } = 6399;

    /// <summary>
    /// Folder of the embedded server's data, lock and <c>endpoint</c> file; a relative path resolves against
    /// the program's folder (<see cref="AppContext.BaseDirectory"/>). Hosts set it to the home's <c>data/redis</c> (<c>ClaudBotHome</c>).
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Redis:EmbeddedDirectory must name a folder.")]
    public string EmbeddedDirectory { get; set; } = Path.Combine("state", "redis");

    /// <summary>
    /// Whether the embedded server keeps its data across restarts and crashes (an append-only file
    /// committed before each reply, replayed on start). Default true.
    /// </summary>
    public bool Persist { get; set; } = true;

    /// <summary>How long the first connect may take before it fails with a clear error. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Redis:ConnectTimeout must be between 0.1 s and 5 minutes.")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>True when no connection string is set, so the embedded server is used.</summary>
    public bool UsesEmbeddedServer => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary><see cref="EmbeddedDirectory"/> as a full path.</summary>
    public string ResolveEmbeddedDirectory() => Path.GetFullPath(EmbeddedDirectory, AppContext.BaseDirectory);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesEmbeddedServer)
        {
            yield break;
        }

        string? problem = null;
        try
        {
            var parsed = ConfigurationOptions.Parse(ConnectionString!);
            if (parsed.EndPoints.Count == 0)
            {
                problem = "it names no host:port";
            }
        }
        catch (ArgumentException error)
        {
            // SE.Redis names the bad keyword ("Keyword 'foo' is not supported"), never the password.
            problem = error.Message.Split(" (Parameter", 2)[0];
        }

        if (problem is not null)
        {
            yield return new ValidationResult(
                $"Redis:ConnectionString is not a valid StackExchange.Redis connection string: {problem}.",
                [nameof(ConnectionString)]);
        }
    }
}
