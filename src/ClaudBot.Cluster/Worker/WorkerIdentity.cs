namespace ClaudBot.Cluster.Worker;

/// <summary>Who this worker process is: a stable id for its processing list and logs, host and pid for monitoring.</summary>
public sealed record WorkerIdentity(string Id, string Host, int ProcessId)
{
    public static WorkerIdentity ForThisProcess()
    {
        string host = Environment.MachineName;
        int pid = Environment.ProcessId;
        return new WorkerIdentity($"{host}-{pid}", host, pid);
    }
}
