using System.Net;
using System.Text.Json;

namespace ClaudBot.Dashboard.Tests;

/// <summary>With a token set, the strategy check is guarded like the rest of /api: no token, no verdict.</summary>
[Trait("Category", "RealServer")]
public sealed class StrategyValidateTokenTests
{
    private const string Token = "s3cret-token-for-tests";

    [Fact]
    public async Task WithToken_ValidateNeedsIt_AndAnswersWithIt()
    {
        await using var node = await DashboardNode.StartAsync(new Dictionary<string, string?> { ["Dashboard:Token"] = Token }, bind: "0.0.0.0", cluster: false);

        using (var anonymous = await node.Client.PostAsync("/api/strategies/validate", DashboardNode.Json(new { strategy = "rsi" })))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/strategies/validate") { Content = DashboardNode.Json(new { strategy = "rsi" }) };
        request.Headers.Authorization = new("Bearer", Token);
        using var answered = await node.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var answer = JsonDocument.Parse(await answered.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("rsi", 1, "builtin"), (answer.GetProperty("canonical").GetString(), answer.GetProperty("combinations").GetInt32(), answer.GetProperty("kind").GetString()));
    }
}
