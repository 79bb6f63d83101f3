using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClaudBot.Bot.Conversations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Audit;

/// <summary>
/// Appends <see cref="AuditEntry"/> lines (JSON, one per line) to <see cref="BotOptions.AuditLog"/>.
/// Lines from concurrent chats never interleave; a full disk is logged, never a failed request.
/// </summary>
public sealed partial class AuditLog : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _path;
    private readonly ILogger<AuditLog> _logger;
    private FileStream? _file;

    public AuditLog(IOptions<BotOptions> options, ILogger<AuditLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = options.Value.ResolveAuditLog();
        _logger = logger;
    }

    public string Path => _path;

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, AuditJson.Default.AuditEntry) + "\n");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_file is null)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
                _file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, useAsync: true);
            }

            await _file.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            LogWriteFailed(_logger, _path, error.Message);
        }
        catch (UnauthorizedAccessException error)
        {
            LogWriteFailed(_logger, _path, error.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit log {Path}: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string path, string reason);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class AuditJson : JsonSerializerContext;
