using System.Text.Json.Serialization;

namespace ClaudBot.Bot.NodeApi;

/// <summary>The body of <c>POST /api/jobs</c>; exits in percent.</summary>
internal sealed record SubmitBody(
    string Strategies, IReadOnlyList<string> Symbols, string From, string To, double? CostBps, string SubmittedBy, string? Costs, double? SlippageBps, string? Size, bool? WholeShares,
    double? Stop = null, double? Target = null, double? Trail = null, Cluster.Jobs.WalkForwardText? WalkForward = null, Cluster.Jobs.PortfolioJobText? Portfolio = null);

/// <summary>The body of <c>POST /api/portfolio</c>; exits in percent.</summary>
internal sealed record PortfolioRequestBody(
    string Strategy, IReadOnlyList<string> Symbols, string From, string To, int MaxPositions, string? Costs, double? SlippageBps, string? Size, bool? WholeShares,
    double? Stop, double? Target, double? Trail, string? Rank = null);

/// <summary>An RFC 7807 problem as the node writes it.</summary>
internal sealed record Problem(string? Title, string? Detail);

/// <summary>The node API's shapes the bot reads and writes: snake_case, as the node serves them.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SubmitBody))]
[JsonSerializable(typeof(SubmittedJob))]
[JsonSerializable(typeof(NodeEquity))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(PortfolioRequestBody))]
[JsonSerializable(typeof(Backtesting.PortfolioView))]
[JsonSerializable(typeof(ScheduleBody))]
[JsonSerializable(typeof(NodeSchedule))]
[JsonSerializable(typeof(IReadOnlyList<NodeSchedule>))]
internal sealed partial class NodeApiJson : JsonSerializerContext;
