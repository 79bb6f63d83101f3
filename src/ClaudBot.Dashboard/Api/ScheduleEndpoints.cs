using ClaudBot.Cluster.Schedules;
using ClaudBot.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Api;

/// <summary><c>/api/schedules</c>: list, add, cancel; the driver fires them (see README, Schedules).</summary>
internal static class ScheduleEndpoints
{
    public static IEndpointRouteBuilder MapSchedules(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("/api/schedules").WithTags("schedules");
        schedules.MapGet(string.Empty, ListAsync).WithName("ListSchedules").Produces<IReadOnlyList<ScheduleView>>();
        schedules.MapPost(string.Empty, AddAsync).WithName("AddSchedule").Accepts<CreateScheduleBody>("application/json").Produces<ScheduleView>(201).ProducesProblem(400).ProducesProblem(413)
            .WithSummary("Stores a schedule: a job with a period counted back from each run, every (daily, weekdays, mon,wed,fri) at HH:MM in time_zone (default Asia/Kolkata).");
        schedules.MapDelete("/{id}", CancelAsync).WithName("CancelSchedule").Produces(204).ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> ListAsync(ScheduleBook book, CancellationToken cancellationToken) =>
        Results.Ok((await book.ListAsync(cancellationToken)).Select(s => ScheduleView.From(s, book.NextRun(s))).ToList());

    private static async Task<IResult> AddAsync(HttpContext context, ScheduleBook book, IOptions<DashboardOptions> options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateScheduleBody>(context, options.Value.MaxRequestBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body is null)
        {
            return Problems.Field(null, "The body must be a JSON object with strategies, symbols, period, every and at.");
        }

        if (body.Unsupported() is { } unsupported)
        {
            return Problems.Field(unsupported, $"A schedule does not take {unsupported} yet: schedule the plain backtest, or submit this one as a job.");
        }

        if (string.IsNullOrWhiteSpace(body.Period))
        {
            return Problems.Field("period", "Say how far back each run looks, e.g. 'last 1 year'.");
        }

        if (body.SubmittedBy is { } by && (by.Length is 0 or > 100 || by.Any(char.IsControl)))
        {
            return Problems.Field("submitted_by", "submitted_by must be 1 to 100 printable characters.");
        }

        var request = new ScheduledRequest(body.Strategies ?? string.Empty, body.Symbols ?? [], body.Period)
        {
            CostBps = body.CostBps,
            Costs = body.Costs,
            SlippageBps = body.SlippageBps,
            Size = body.Size,
            WholeShares = body.WholeShares,
        };
        Schedule schedule;
        try
        {
            schedule = await book.AddAsync(body.Every, body.At, body.TimeZone, request, body.SubmittedBy ?? "dashboard", body.Notify, cancellationToken);
        }
        catch (ScheduleFieldException bad)
        {
            return Problems.Field(bad.Field, bad.Message);
        }
        catch (Exception error) when (JobRequestErrors.IsRequestError(error))
        {
            var (field, detail) = JobRequestErrors.Describe(error);
            return Problems.Field(field, detail);
        }

        return Results.Created($"/api/schedules/{schedule.Id}", ScheduleView.From(schedule, book.NextRun(schedule)));
    }

    private static async Task<IResult> CancelAsync(ScheduleBook book, string id, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(id))
        {
            return Problems.Field("id", "A schedule id follows the job id rule: " + JobId.Rule);
        }

        return await book.CancelAsync(id, cancellationToken) ? Results.NoContent() : Problems.NotFound($"There is no schedule '{id}'.");
    }
}
