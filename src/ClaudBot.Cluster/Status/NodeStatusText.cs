using System.Globalization;
using System.Text;

namespace ClaudBot.Cluster.Status;

/// <summary>
/// The status block users know from <c>monitor_cluster.sh</c>: processes, workers with slots and
/// heartbeats, boxes (workers grouped by host, with their load and whether they take work), jobs and queue depth, CPU and memory. Shared by <c>claudbot-node status</c> and the bot.
/// </summary>
public static class NodeStatusText
{
    /// <summary>The block for <paramref name="status"/>; <paramref name="startHint"/> says how to start a node that is not running.</summary>
    public static string Describe(NodeStatus status, string startHint = "claudbot-node start")
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        var now = status.At;
        text.AppendLine(CultureInfo.InvariantCulture, $"ClaudBot cluster on {status.Host}: {(status.Up ? "UP" : "DOWN")}");
        if (status.Processes.Count == 0)
        {
            text.AppendLine($"  no node processes running here ({startHint})");
        }

        foreach (var process in status.Processes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {process.Name,-10} {(process.Running ? "running" : "DOWN"),-8} PID {process.Pid}");
        }

        if (status.Cluster is { } cluster)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Workers: {cluster.Workers.Count} ({cluster.Workers.Sum(w => w.Slots)} slots, {cluster.Workers.Sum(w => w.Busy)} busy)");
            foreach (var worker in cluster.Workers)
            {
                string problem = Worker.WorkerHealth.Problem(worker, now) is { } note ? "  " + note : string.Empty;
                text.AppendLine(CultureInfo.InvariantCulture, $"  {worker.Id,-24} slots {worker.Slots}  busy {worker.Busy}  heartbeat {(now - worker.HeartbeatAt).TotalSeconds:0}s ago{problem}");
            }

            foreach (string id in cluster.UnreadableWorkers ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {Engine.Text.UserText.Excerpt(id),-24} heartbeat unreadable (not a ClaudBot heartbeat: another program on this queue?)");
            }

            AppendBoxes(text, cluster.Boxes(now));
            text.AppendLine(CultureInfo.InvariantCulture, $"Jobs: {cluster.JobsRunning} running, {cluster.JobsQueued} queued; {cluster.ChunksQueued} chunks, {cluster.TasksPending:N0} tasks waiting");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Queue: unreachable ({status.QueueError})");
        }

        if (status.Disk is { Low: true } disk)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Disk: FULL, {disk.Describe()}: new jobs are refused until space returns");
        }

        text.Append(CultureInfo.InvariantCulture, $"CPU {status.CpuPercent:0.0}%  Memory {status.MemoryPercent:0.0}%");
        return text.ToString();
    }

    /// <summary>One line per box: its workers, slots, busy, oldest heartbeat, the box's and its workers' load, and whether it takes work.</summary>
    private static void AppendBoxes(StringBuilder text, IReadOnlyList<Boxes.ClusterBox> boxes)
    {
        if (boxes.Count == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Boxes: {boxes.Count}");
        foreach (var box in boxes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {box.Host,-16} {box.Workers} worker{(box.Workers == 1 ? " " : "s")}  slots {box.Slots}  busy {box.Busy}");
            if (box.Workers > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  heartbeat {box.HeartbeatAgeSeconds:0}s ago");
            }

            if (box.CpuPercent is { } cpu && box.MemoryPercent is { } memory)
            {
                text.Append(CultureInfo.InvariantCulture, $"  CPU {cpu:0.0}%  memory {memory:0.0}%");
            }

            if (box.WorkersCpuPercent is { } workersCpu && box.WorkersRssBytes is { } rss)
            {
                text.Append(CultureInfo.InvariantCulture, $"  (workers {workersCpu:0.0}% CPU, {rss / (1024.0 * 1024):0} MB)");
            }

            text.AppendLine(box.State switch
            {
                Boxes.BoxState.Refused => "  REFUSED: " + box.Reason,
                Boxes.BoxState.Draining => "  draining",
                Boxes.BoxState.Drained => "  drained",
                _ => string.Empty,
            });
        }
    }
}
