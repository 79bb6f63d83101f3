using System.CommandLine;
using System.Globalization;
using ClaudBot.Cluster.Schedules;
using ClaudBot.Commands;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>schedules</c> (list), <c>schedule add STRATEGIES SYMBOLS PERIOD --every WHEN --at HH:MM [--time-zone Z] [--notify C:ID[:TOP]]</c> and
/// <c>schedule cancel ID</c>: the same book as <c>/api/schedules</c>; the driver fires them.
/// </summary>
internal static class ScheduleCommands
{
    public static Command List(TextWriter output, TextWriter error)
    {
        var command = new Command("schedules", "List schedules: when each runs next and what its last run did.");
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (IServiceProvider services, CancellationToken ct) =>
        {
            var book = services.GetRequiredService<ScheduleBook>();
            var schedules = await book.ListAsync(ct);
            foreach (var schedule in schedules)
            {
                await output.WriteLineAsync(Row(schedule, book.NextRun(schedule)));
            }

            if (schedules.Count == 0)
            {
                await output.WriteLineAsync("No schedules.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static Command Schedule(TextWriter output, TextWriter error)
    {
        var command = new Command("schedule", "Add or cancel a schedule (list them with 'schedules').") { Add(output, error), Cancel(output, error) };
        return command;
    }

    private static Command Add(TextWriter output, TextWriter error)
    {
        var strategies = new Argument<string>("strategies") { Description = "Comma list of strategies, as for submit: rsi,macd" };
        var symbols = new Argument<string>("symbols") { Description = "Comma list of symbols: RELIANCE,TCS" };
        var period = new Argument<string>("period") { Description = "How far back each run looks, counted from its day: '1 year', 'last 6 months', '90 days'" };
        var every = new Option<string>("--every") { Description = "daily, weekdays, or days such as mon,wed,fri", Required = true };
        var at = new Option<string>("--at") { Description = "Time of day, HH:MM (24-hour)", Required = true };
        var zone = new Option<string?>("--time-zone") { Description = $"IANA time zone (default {ScheduleRecurrence.DefaultTimeZone})" };
        var cost = new Option<double?>("--cost-bps") { Description = "Cost per side in basis points" };
        var by = new Option<string>("--by") { Description = "Who is asking (recorded with the schedule and its jobs)", DefaultValueFactory = _ => Environment.UserName };
        var notify = new Option<string[]>("--notify") { Description = "A chat told of each run's end, channel:chat[:top] (telegram:12345:5); repeat for more" };
        var command = new Command("add", "Store a schedule: the job runs at each occurrence over the period up to that day.") { strategies, symbols, period, every, at, zone, cost, by, notify };
        var executionOptions = new ExecutionOptionSet();
        executionOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (IServiceProvider services, CancellationToken ct) =>
        {
            var execution = executionOptions.Read(parse);
            var request = new ScheduledRequest(
                parse.GetValue(strategies)!,
                [.. parse.GetValue(symbols)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                parse.GetValue(period)!)
            {
                CostBps = parse.GetValue(cost),
                Costs = execution.Costs,
                SlippageBps = execution.SlippageBps,
                Size = execution.Size,
                WholeShares = execution.WholeShares,
            };
            var book = services.GetRequiredService<ScheduleBook>();
            var followers = (parse.GetValue(notify) ?? []).Select(ScheduleNotify.Parse).ToList();
            var schedule = await book.AddAsync(parse.GetValue(every), parse.GetValue(at), parse.GetValue(zone), request, parse.GetValue(by)!, followers, ct);
            await output.WriteLineAsync($"Schedule {schedule.Id} added. " + Row(schedule, book.NextRun(schedule)));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Cancel(TextWriter output, TextWriter error)
    {
        var id = JobIdArgument.Create();
        id.Description = "Schedule id (6 lowercase letters or digits, as job ids)";
        var command = new Command("cancel", "Cancel a schedule: it fires no more (jobs it already queued go on).") { id };
        command.SetAction((parse, cancellationToken) => ClusterCommandRunner.RunAsync(error, async (IServiceProvider services, CancellationToken ct) =>
        {
            string scheduleId = parse.GetValue(id)!;
            if (!await services.GetRequiredService<ScheduleBook>().CancelAsync(scheduleId, ct))
            {
                throw new KeyNotFoundException($"There is no schedule '{scheduleId}'.");
            }

            await output.WriteLineAsync($"Schedule {scheduleId} cancelled.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Row(Schedule schedule, DateTimeOffset next)
    {
        var zone = schedule.Recurrence().Zone;
        string last = schedule switch
        {
            { LastError: { } failed } => $"; last run failed: {failed}",
            { LastJobId: { } job } => $"; last run: job {job}",
            _ => string.Empty,
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{schedule.Id}  {schedule.Every} at {schedule.At} {schedule.TimeZone}: {schedule.Request.Strategies} on {string.Join(',', schedule.Request.Symbols)} over {schedule.Request.Period}; next {TimeZoneInfo.ConvertTime(next, zone):yyyy-MM-dd HH:mm} (by {schedule.CreatedBy}){last}");
    }
}
