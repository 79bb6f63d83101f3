using System.Diagnostics;
using ClaudBot.Bot.Conversations;
using ClaudBot.Chat;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Bench;

/// <summary>
/// The bot's own overhead on the local target: reply latency of "monitor cluster" and of a submit's
/// acknowledgement (the job id, not the backtest), and the time from starting <c>claudbot chat</c> to its
/// first prompt. State lives in a temporary folder, so the user's jobs are never touched.
/// </summary>
internal static class BotBench
{
    public static async Task<(Latency Monitor, Latency Submit)> RepliesAsync(CliConsoles consoles, int requests, CancellationToken cancellationToken)
    {
        string folder = Directory.CreateTempSubdirectory("claudbot-bench-").FullName;
        try
        {
            var overrides = new Dictionary<string, string?>
            {
                ["Redis:EmbeddedPort"] = "0",
                ["Redis:EmbeddedDirectory"] = Path.Combine(folder, "redis"),
                ["Cluster:ResultsDirectory"] = Path.Combine(folder, "results"),
                ["Cluster:LogDirectory"] = Path.Combine(folder, "logs"),
                ["Bot:AuditLog"] = Path.Combine(folder, "audit.jsonl"),
            };
            using var host = BotHost.Build(consoles, overrides);
            await host.StartAsync(cancellationToken);
            try
            {
                var engine = host.Services.GetRequiredService<ConversationEngine>();
                await engine.HandleAsync(Message("start cluster"), cancellationToken);
                var monitor = await MeasureAsync(engine, "monitor cluster", requests, cancellationToken);
                var submit = await MeasureAsync(engine, "backtest buy_hold on TCS 2022-2023", requests, cancellationToken);
                return (monitor, submit);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Milliseconds from starting <c>claudbot chat</c> as a new process to its prompt on standard output.</summary>
    public static async Task<double> TimeToPromptAsync(CancellationToken cancellationToken)
    {
        string program = Environment.ProcessPath!;
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "claudbot.dll"));
        }

        start.ArgumentList.Add("chat");
        long started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var seen = new System.Text.StringBuilder();
        var buffer = new char[256];
        while (!seen.ToString().Contains("claudbot> ", StringComparison.Ordinal))
        {
            int read = await process.StandardOutput.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new InvalidOperationException("claudbot chat ended before showing its prompt: " + await process.StandardError.ReadToEndAsync(cancellationToken));
            }

            seen.Append(buffer, 0, read);
        }

        double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await process.StandardInput.WriteLineAsync("exit");
        await process.WaitForExitAsync(cancellationToken);
        return elapsed;
    }

    private static async Task<Latency> MeasureAsync(ConversationEngine engine, string text, int requests, CancellationToken cancellationToken)
    {
        for (int i = 0; i < Math.Min(20, requests); i++)
        {
            await engine.HandleAsync(Message(text), cancellationToken);
        }

        var samples = new double[requests];
        for (int i = 0; i < requests; i++)
        {
            long started = Stopwatch.GetTimestamp();
            var reply = await engine.HandleAsync(Message(text), cancellationToken);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!reply.Succeeded)
            {
                throw new InvalidOperationException($"'{text}' failed during the benchmark.");
            }
        }

        Array.Sort(samples);
        return new Latency(samples[samples.Length / 2], samples[(int)(samples.Length * 0.95)], samples[(int)(samples.Length * 0.99)], samples[^1]);
    }

    private static ChatMessage Message(string text) => new(TerminalUser.Chat, TerminalUser.Current, text);
}

/// <summary>Percentiles of a latency, in milliseconds.</summary>
internal readonly record struct Latency(double P50, double P95, double P99, double Max);
