namespace ClaudBot.Ssh.Setup;

/// <summary>Which Redis the node on the server uses.</summary>
public enum RedisMode
{
    /// <summary>The node's own embedded server (Garnet) on the server's loopback; nothing to install.</summary>
    Embedded,

    /// <summary>Debian's <c>redis-server</c>, installed and enabled with sudo, on 127.0.0.1:6379.</summary>
    System,
}
