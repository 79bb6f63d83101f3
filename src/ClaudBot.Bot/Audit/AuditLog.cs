using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClaudBot.Bot.Conversations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Audit;

/// <summary>
/// Appends <see cref="AuditEntry"/> lines (JSON, one per line) to <see cref="BotOptions.AuditLog"/>, which rolls at
/// <see cref="BotOptions.AuditMaxBytes"/> keeping <see cref="BotOptions.AuditKeep"/> old files (<see cref="RollingLineFile"/>).
/// Lines from concurrent chats never interleave; a full disk is logged, never a failed request.
/// </summary>
public sealed partial class AuditLog : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RollingLineFile _file;
    private readonly ILogger<AuditLog> _logger;

    public AuditLog(IOptions<BotOptions> options, TimeProvider time, ILogger<AuditLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _file = new RollingLineFile(options.Value.ResolveAuditLog(), options.Value.AuditMaxBytes, options.Value.AuditKeep, time);
        _logger = logger;
    }

    public string Path => _file.Path;

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, AuditJson.Default.AuditEntry) + "\n");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _file.AppendAsync(line, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            LogWriteFailed(_logger, Path, error.Message);
        }
        catch (UnauthorizedAccessException error)
        {
            LogWriteFailed(_logger, Path, error.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit log {Path}: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string path, string reason);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class AuditJson : JsonSerializerContext;
