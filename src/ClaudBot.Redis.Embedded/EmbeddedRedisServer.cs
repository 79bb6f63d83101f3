using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ClaudBot.Redis.Embedded;
using Garnet;
using Garnet.common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaudBot.Redis;

/// <summary>
/// A Redis-compatible server (Microsoft Garnet) inside this process, on 127.0.0.1 only, keeping its
/// data in a folder. While it runs it holds the folder's lock and publishes its address in the
/// folder's <c>endpoint</c> file. Disposing stops it gracefully and keeps the data.
/// </summary>
public sealed class EmbeddedRedisServer : IAsyncDisposable, IDisposable
{
    private const int PortAttempts = 3;
    private readonly GarnetServer _garnet;
    private readonly EmbeddedFolder _folder;
    private readonly ILogger _logger;
    private int _disposed;

    private EmbeddedRedisServer(GarnetServer garnet, IPEndPoint endPoint, EmbeddedFolder folder, bool persist, ILogger logger)
    {
        _garnet = garnet;
        EndPoint = endPoint;
        _folder = folder;
        Persist = persist;
        _logger = logger;
    }

    /// <summary>Where the server listens: 127.0.0.1 and the configured (or picked) port.</summary>
    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    /// <summary>The data folder, as a full path.</summary>
    public string Directory => _folder.Path;

    /// <summary>The file other processes read to find this server ("127.0.0.1:6399").</summary>
    public string EndpointFile => _folder.EndpointFile;

    public bool Persist { get; }

    /// <summary>
    /// Starts the server described by <paramref name="options"/> (port, folder, persistence), replaying
    /// saved data first. Throws <see cref="EmbeddedRedisException"/> if the port is taken, the folder is
    /// in use by another process, or saved data cannot be recovered.
    /// </summary>
    public static EmbeddedRedisServer Start(RedisOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        long started = Stopwatch.GetTimestamp();
        var folder = EmbeddedFolder.Acquire(options.ResolveEmbeddedDirectory());
        try
        {
            if (!options.Persist)
            {
                DeleteVolatileStore(folder.Path);
            }

            var (garnet, endPoint) = StartGarnet(options.EmbeddedPort, folder.Path, options.Persist, new GarnetLoggerFactory(loggerFactory));
            folder.WriteEndpoint(endPoint);
            var server = new EmbeddedRedisServer(garnet, endPoint, folder, options.Persist, loggerFactory.CreateLogger<EmbeddedRedisServer>());
            EmbeddedLog.Started(server._logger, endPoint.ToString(), folder.Path, options.Persist, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return server;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server gracefully: removes the endpoint file, closes connections, keeps the data.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _folder.DeleteEndpoint();

            // Dispose(false): Garnet's parameterless Dispose() deletes the AOF and checkpoints.
            _garnet.Dispose(false);
            if (!Persist)
            {
                DeleteVolatileStore(_folder.Path);
            }
        }
        finally
        {
            _folder.Dispose();
        }

        EmbeddedLog.Stopped(_logger, EndPoint.ToString(), Directory);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static (GarnetServer Garnet, IPEndPoint EndPoint) StartGarnet(int port, string directory, bool persist, ILoggerFactory garnetLogs)
    {
        for (int attempt = 1; ; attempt++)
        {
            var endPoint = new IPEndPoint(IPAddress.Loopback, port == 0 ? FreePort() : port);

            // Checked before Garnet replays the folder's data, so a taken port fails fast.
            if (port != 0 && !IsFree(endPoint))
            {
                throw PortInUse(endPoint, null);
            }

            GarnetServer? garnet = null;
            try
            {
                garnet = new GarnetServer(GarnetSettings.Create(endPoint, directory, persist), garnetLogs);
                garnet.Start();
                return (garnet, endPoint);
            }
            catch (GarnetException error) when (error.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                garnet?.Dispose(false);

                // A picked port can be taken between the check and Garnet's bind: pick another.
                if (port != 0 || attempt == PortAttempts)
                {
                    throw PortInUse(endPoint, error);
                }
            }
            catch (Exception error)
            {
                garnet?.Dispose(false);
                throw new EmbeddedRedisException($"The embedded Redis server could not start from {directory}: {error.Message}", error);
            }
        }
    }

    private static EmbeddedRedisException PortInUse(IPEndPoint endPoint, Exception? error)
    {
        string message = $"The embedded Redis server cannot listen on {endPoint}: the port is already in use (another ClaudBot node or a Redis server?). " +
            "Stop that process, set Redis:EmbeddedPort to a free port (0 picks one), or set Redis:ConnectionString to use an existing Redis.";
        return error is null ? new EmbeddedRedisException(message) : new EmbeddedRedisException(message, error);
    }

    private static bool IsFree(IPEndPoint endPoint)
    {
        var probe = new TcpListener(endPoint);
        try
        {
            probe.Start();
            return true;
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static void DeleteVolatileStore(string directory)
    {
        string store = Path.Combine(directory, GarnetSettings.VolatileFolder);
        if (System.IO.Directory.Exists(store))
        {
            System.IO.Directory.Delete(store, recursive: true);
        }
    }
}
