using System.Net;
using System.Text;
using System.Text.Json;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// POST /api/strategies/validate over real HTTP: a verdict on a strategy text is a 200 either way; a body that is not a
/// request (missing, not JSON, too large) keeps the API's 400 and 413 problems.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class StrategyValidateApiTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task ValidRuleWithGrids_Is200_WithCanonicalTextCountAndKind()
    {
        var (status, json) = await ValidateAsync(new { strategy = "buy when rsi(2..6 step 2) < 5|10, sell when rsi(2) > 70" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"valid":true,"canonical":"buy when rsi(2|4|6) \u003C 5|10, sell when rsi(2) \u003E 70","combinations":6,"kind":"rule"}""", json);
    }

    [Fact]
    public async Task BuiltinList_Is200_Normalised()
    {
        var (status, json) = await ValidateAsync(new { strategy = "RSI(period=7..21 step 7), macd" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"valid":true,"canonical":"rsi(period=7|14|21),macd","combinations":4,"kind":"builtin"}""", json);
    }

    [Fact]
    public async Task BadRule_Is200_WithTheMessageColumnAndCaret()
    {
        var (status, json) = await ValidateAsync(new { strategy = "buy when smaa(10) < 5, sell when close > 1" });

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonDocument.Parse(json).RootElement;
        Assert.False(answer.GetProperty("valid").GetBoolean());
        Assert.Equal("unknown indicator 'smaa' at column 10: did you mean sma?", answer.GetProperty("error").GetString());
        Assert.Equal(10, answer.GetProperty("column").GetInt32());
        Assert.Equal("buy when smaa(10) < 5, sell when close ...\n         ^", answer.GetProperty("caret").GetString());
    }

    [Fact]
    public async Task HostileText_ComesBackAsEscapedJsonText_NeverAsMarkup()
    {
        var (status, json) = await ValidateAsync(new { strategy = "buy when <script>alert(1)</script>" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("buy when <script>alert(1)</script>\n         ^", JsonDocument.Parse(json).RootElement.GetProperty("caret").GetString());
    }

    [Fact]
    public async Task OverLongRule_Is200Invalid_NamingTheLanguagesBound()
    {
        string strategy = "hold while " + string.Concat(Enumerable.Repeat("close > 1 and ", 200)) + "close > 2";
        var (status, json) = await ValidateAsync(new { strategy });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"valid":false,"error":"the rule has 2,820 characters; the limit is 2,000","column":null,"caret":null}""", json);
    }

    [Fact]
    public async Task MissingStrategy_Is400NamingIt()
    {
        var (status, json) = await ValidateAsync(new { strategies = "rsi" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("strategy", JsonDocument.Parse(json).RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task WrongType_Is400NamingTheField()
    {
        using var content = new StringContent("""{"strategy":42}""", Encoding.UTF8, "application/json");
        using var response = await Node.Client.PostAsync("/api/strategies/validate", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("strategy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413()
    {
        var (status, json) = await ValidateAsync(new { strategy = new string('x', 70 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("65536", JsonDocument.Parse(json).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignHost_Is400_BeforeAnyCheck()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/strategies/validate") { Content = DashboardNode.Json(new { strategy = "rsi" }) };
        request.Headers.Host = $"attacker.example:{Node.Port}";
        using var response = await Node.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Host 'attacker.example:", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheCheck_ItsBody_AndBothAnswers()
    {
        var document = await Node.GetJsonAsync("/openapi/v1.json");
        var post = document.GetProperty("paths").GetProperty("/api/strategies/validate").GetProperty("post");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.Contains("{valid: false, error, column, caret}", post.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(schemas.GetProperty("ValidateStrategyBody").GetProperty("properties").TryGetProperty("strategy", out _));
        Assert.Equal("#/components/schemas/StrategyCheck", post.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var check = schemas.GetProperty("StrategyCheck");
        Assert.Equal(2, check.GetProperty("anyOf").GetArrayLength());
        Assert.False(check.TryGetProperty("discriminator", out _)); // no "$type" is written: "valid" tells the shapes apart
        Assert.Equal(["canonical", "combinations", "kind", "valid"], PropertyNames(schemas.GetProperty("StrategyCheckValidStrategy")));
        Assert.Equal(["caret", "column", "error", "valid"], PropertyNames(schemas.GetProperty("StrategyCheckInvalidStrategy")));
    }

    private static string[] PropertyNames(JsonElement schema) =>
        [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private async Task<(HttpStatusCode Status, string Json)> ValidateAsync(object body)
    {
        using var response = await Node.Client.PostAsync("/api/strategies/validate", DashboardNode.Json(body));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
