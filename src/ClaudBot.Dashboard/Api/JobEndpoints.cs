using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Api;

/// <summary><c>/api/jobs</c>: list, show, results, submit, cancel.</summary>
internal static class JobEndpoints
{
    private const int ScanBatch = 200;

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("jobs");
        jobs.MapGet(string.Empty, ListAsync).WithName("ListJobs").Produces<JobsPage>().ProducesProblem(400)
            .WithSummary("Jobs, newest first; page (from 1), page_size (1..100, default 20), state (queued, running, completed, completed_with_errors, cancelled).");
        jobs.MapGet("/{id}", GetAsync).WithName("GetJob").Produces<JobView>().ProducesProblem(400).ProducesProblem(404);
        jobs.MapGet("/{id}/results", ResultsAsync).WithName("GetJobResults").Produces<ResultsSummary>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("The ranked table: top (1..1000, default 20) by Sharpe, best by symbol, the best 20 by each metric (leaders), each varied parameter's effect (parameters), failures, counts, timings; full=1 streams every result's metrics as JSON (the layout in README, Results files).");
        jobs.MapPost(string.Empty, SubmitAsync).WithName("SubmitJob").Accepts<CreateJobBody>("application/json").Produces<JobView>(201).ProducesProblem(400).ProducesProblem(413)
            .WithSummary("Validates and queues a job: the same checks and messages as the bot.");
        jobs.MapDelete("/{id}", CancelAsync).WithName("CancelJob").Produces<JobView>().ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> ListAsync(ClusterClient cluster, [FromQuery] string? page, [FromQuery(Name = "page_size")] string? pageSize, [FromQuery] string? state, CancellationToken cancellationToken)
    {
        if (!QueryNumbers.TryParse(page, "page", 1, 1, int.MaxValue / 100, out int pageNumber, out var bad)
            || !QueryNumbers.TryParse(pageSize, "page_size", 20, 1, 100, out int size, out bad))
        {
            return bad!;
        }

        JobState? wanted = null;
        if (state is not null)
        {
            try
            {
                wanted = JobStateNames.Parse(state);
            }
            catch (FormatException)
            {
                return Problems.Field("state", $"'{state}' is not a job state: use queued, running, completed, completed_with_errors or cancelled.");
            }
        }

        int skip = (pageNumber - 1) * size;
        if (wanted is null)
        {
            var listed = await cluster.ListAsync(skip, size + 1, cancellationToken);
            return Results.Ok(new JobsPage(pageNumber, size, null, [.. listed.Take(size).Select(JobView.From)], listed.Count > size));
        }

        // Filtered: scan newest first in batches; the job list is trimmed by cleanup, so it stays short.
        var matching = new List<JobView>();
        for (int offset = 0; matching.Count <= skip + size; offset += ScanBatch)
        {
            var batch = await cluster.ListAsync(offset, ScanBatch, cancellationToken);
            matching.AddRange(batch.Where(j => j.State == wanted).Select(JobView.From));
            if (batch.Count < ScanBatch)
            {
                break;
            }
        }

        return Results.Ok(new JobsPage(pageNumber, size, state, [.. matching.Skip(skip).Take(size)], matching.Count > skip + size));
    }

    private static async Task<IResult> GetAsync(ClusterClient cluster, string id, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(id))
        {
            return Problems.Field("id", JobId.Rule);
        }

        return await cluster.GetAsync(id, cancellationToken) is { } job ? Results.Ok(JobView.From(job)) : Problems.NotFound($"There is no job '{id}'.");
    }

    private static async Task<IResult> ResultsAsync(ClusterClient cluster, string id, [FromQuery] string? top, [FromQuery] string? full, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(id))
        {
            return Problems.Field("id", JobId.Rule);
        }

        if (!QueryNumbers.TryParse(top, "top", 20, 1, 1000, out int topN, out var bad))
        {
            return bad!;
        }

        bool? wholeFile = full switch
        {
            null or "0" or "false" => false,
            "1" or "true" => true,
            _ => null,
        };
        if (wholeFile is null)
        {
            return Problems.Field("full", $"'{full}' is not a valid full: use 1 for the whole file or 0 for the summary.");
        }

        var job = await cluster.GetAsync(id, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound($"There is no job '{id}'.");
        }

        if (!job.State.IsTerminal())
        {
            return Problems.Conflict($"Job {id} is {job.State.ToName()} ({job.Progress:P0}); its results are ready when it finishes.");
        }

        if (job.ResultsFile is not { } path || !File.Exists(path))
        {
            return Problems.NotFound($"Job {id} has no results file (it was cancelled before any ran, or the file was cleaned up).");
        }

        if (wholeFile == true)
        {
            // Made from the rows as it is sent: a million results are a few hundred MB of JSON, never held.
            return Results.Stream(output => ResultsExport.WriteAsync(path, output, cancellationToken), "application/json", $"job_{id}.json");
        }

        // The summary the driver stored when the job finished: a small read whatever the results file's size.
        return Results.Ok(await StoredSummary.ReadAsync(path, topN, cancellationToken));
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, ClusterClient cluster, IOptions<DashboardOptions> options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateJobBody>(context, options.Value.MaxRequestBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body is null)
        {
            return Problems.Field(null, "The body must be a JSON object with strategies, symbols, from and to.");
        }

        if (RequestFields.Dates(body.From, body.To, out var from, out var to) is { } badDate)
        {
            return badDate;
        }

        if (body.SubmittedBy is { } by && (by.Length is 0 or > 100 || by.Any(char.IsControl)))
        {
            return Problems.Field("submitted_by", "submitted_by must be 1 to 100 printable characters.");
        }

        if (RequestFields.Exits(body.Exits) is { } badExit)
        {
            return badExit;
        }

        WalkForwardSettings? walkForward;
        try
        {
            walkForward = body.WalkForward?.Parse();
        }
        catch (FormatException error)
        {
            return Problems.Field("walk_forward", error.Message);
        }

        PortfolioJobSettings? portfolio;
        try
        {
            portfolio = body.Portfolio?.Parse();
        }
        catch (FormatException error)
        {
            return Problems.Field("portfolio", error.Message);
        }

        var request = new JobRequest(body.Strategies ?? string.Empty, body.Symbols ?? [], from, to, body.SubmittedBy ?? "dashboard")
        {
            WalkForward = walkForward,
            Portfolio = portfolio,
            CostBps = body.CostBps,
            Execution = new Backtesting.Execution.ExecutionChoice(body.Costs, body.SlippageBps, body.Size, body.WholeShares) { Exits = body.Exits },
        };
        string id;
        try
        {
            (id, _) = await cluster.SubmitAsync(request, cancellationToken);
        }
        catch (Exception error) when (JobRequestErrors.IsRequestError(error))
        {
            var (field, detail) = JobRequestErrors.Describe(error);
            return Problems.Field(field, detail);
        }
        catch (Cluster.Platform.DiskFullException full)
        {
            return Results.Problem(full.Message, statusCode: StatusCodes.Status507InsufficientStorage, title: "The node's disk is full");
        }

        var job = await cluster.GetAsync(id, cancellationToken);
        return Results.Created($"/api/jobs/{id}", job is null ? null : JobView.From(job));
    }

    private static async Task<IResult> CancelAsync(ClusterClient cluster, string id, CancellationToken cancellationToken)
    {
        if (!JobId.IsValid(id))
        {
            return Problems.Field("id", JobId.Rule);
        }

        if (await cluster.CancelAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no job '{id}'.");
        }

        return await cluster.GetAsync(id, cancellationToken) is { } job ? Results.Ok(JobView.From(job)) : Problems.NotFound($"There is no job '{id}'.");
    }
}
