using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Targets;
using Microsoft.Extensions.Configuration;

namespace ClaudBot.Bot.NodeApi;

/// <summary>
/// The node's HTTP API as the bot uses it: jobs validated and planned by the node with the node's data, a
/// finished job's stored summary, one result's daily equity. Data-heavy work happens next to the data; what
/// crosses the wire is a few kilobytes however large the job. <see cref="NodeApiUnavailableException"/> when the
/// API does not answer (a node whose port 3000 was taken runs without it), so callers can fall back.
/// </summary>
public sealed class NodeApiClient(IClusterTarget target, IConfiguration configuration, HttpClient http)
{
    /// <summary>Queues a job; the node validates it with its data and answers with the plan's size and notes.</summary>
    public async Task<SubmittedJob> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new SubmitBody(request.Strategies, request.Symbols, Iso(request.From), Iso(request.To), request.CostBps, request.SubmittedBy,
            request.Execution?.Costs, request.Execution?.SlippageBps, request.Execution?.Size, request.Execution?.WholeShares,
            InPercent(request.Execution?.Exits.Stop), InPercent(request.Execution?.Exits.Target), InPercent(request.Execution?.Exits.Trail),
            request.WalkForward is { } walkForward ? WalkForwardText.Of(walkForward) : null,
            request.Portfolio is { } portfolio ? PortfolioJobText.Of(portfolio) : null);
        using var content = JsonContent.Create(body, NodeApiJson.Default.SubmitBody);
        return await SendAsync(HttpMethod.Post, "api/jobs", content, NodeApiJson.Default.SubmittedJob, cancellationToken).ConfigureAwait(false);
    }

    private static double? InPercent(double? fraction) => fraction is { } f ? Engine.Simulation.ExitRules.InPercent(f) : null;

    /// <summary>The summary the driver stored when the job finished, with the best <paramref name="top"/> rows.</summary>
    public Task<ResultsSummary> SummaryAsync(string jobId, int top, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/jobs/{Uri.EscapeDataString(jobId)}/results?top={top.ToString(CultureInfo.InvariantCulture)}", null, SummaryJson.Default.ResultsSummary, cancellationToken);

    /// <summary>One result's daily equity and buy-and-hold's, run again at the node from the job's spec.</summary>
    public Task<NodeEquity> EquityAsync(string jobId, string strategy, string symbol, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/jobs/{Uri.EscapeDataString(jobId)}/equity?strategy={Uri.EscapeDataString(strategy)}&symbol={Uri.EscapeDataString(symbol)}", null, NodeApiJson.Default.NodeEquity, cancellationToken);

    /// <summary>A portfolio backtest, run by the node with its data and answered at once (milliseconds).</summary>
    /// <param name="rank"><c>strength</c> or <c>momentum(N)</c>; null for the node's default (strength).</param>
    public async Task<Backtesting.PortfolioView> PortfolioAsync(string strategy, IReadOnlyList<string> symbols, DateOnly from, DateOnly to, int maxPositions, string? rank, Backtesting.Execution.ExecutionChoice? execution, CancellationToken cancellationToken)
    {
        var body = new PortfolioRequestBody(strategy, symbols, Iso(from), Iso(to), maxPositions, execution?.Costs, execution?.SlippageBps, execution?.Size, execution?.WholeShares,
            InPercent(execution?.Exits.Stop), InPercent(execution?.Exits.Target), InPercent(execution?.Exits.Trail), rank);
        using var content = JsonContent.Create(body, NodeApiJson.Default.PortfolioRequestBody);
        return await SendAsync(HttpMethod.Post, "api/portfolio", content, NodeApiJson.Default.PortfolioView, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A finished portfolio job's report of its best setting, run again by the node from the job's spec.</summary>
    public Task<Backtesting.PortfolioView> PortfolioJobAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/jobs/{Uri.EscapeDataString(jobId)}/portfolio", null, NodeApiJson.Default.PortfolioView, cancellationToken);

    /// <summary>A finished walk-forward's report, made by the node from the job's rows and its data.</summary>
    public Task<Cluster.WalkForward.WalkForwardReport> WalkForwardAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/jobs/{Uri.EscapeDataString(jobId)}/walkforward", null, Cluster.WalkForward.WalkForwardJson.Default.WalkForwardReport, cancellationToken);

    /// <summary>Stores a schedule; the node checks it as it would a job (planned once for today) and answers with its next run.</summary>
    internal async Task<NodeSchedule> AddScheduleAsync(ScheduleBody body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body, NodeApiJson.Default.ScheduleBody);
        return await SendAsync(HttpMethod.Post, "api/schedules", content, NodeApiJson.Default.NodeSchedule, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every schedule, oldest first, with its next run.</summary>
    public Task<IReadOnlyList<NodeSchedule>> SchedulesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/schedules", null, NodeApiJson.Default.IReadOnlyListNodeSchedule, cancellationToken);

    /// <summary>Cancels a schedule; the node's one line (a <see cref="ClusterTargetException"/>) when there is none.</summary>
    public async Task CancelScheduleAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(HttpMethod.Delete, $"api/schedules/{Uri.EscapeDataString(id)}", null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, path, content, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
            ?? throw new ClusterTargetException($"The node answered {path} with nothing.");
    }

    /// <returns>The node's answer when it is a success; the caller disposes it.</returns>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        var baseUri = await target.NodeApiAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = content };
        if (configuration["Dashboard:Token"] is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException unreachable)
        {
            throw new NodeApiUnavailableException($"The node's API at {baseUri} does not answer ({unreachable.HttpRequestError}).", unreachable);
        }
        catch (TaskCanceledException slow) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NodeApiUnavailableException($"The node's API at {baseUri} did not answer within {http.Timeout.TotalSeconds:0} s.", slow);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                // Not our node's API (another program on the port), or one that wants a token we do not have.
                throw new NodeApiUnavailableException($"{baseUri} did not answer as the node's API ({(int)response.StatusCode}).");
            }

            // The node's own words: the planner's one-line message for a refused job, 404 for an unknown one.
            string detail = await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false);
            throw new ClusterTargetException(detail);
        }
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync(NodeApiJson.Default.Problem, cancellationToken).ConfigureAwait(false);
            return problem?.Detail ?? problem?.Title ?? $"The node answered {(int)response.StatusCode}.";
        }
        catch (JsonException)
        {
            return $"The node answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
