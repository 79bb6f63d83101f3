using System.Net;

namespace ClaudBot.Dashboard.Tests;

/// <summary>Every response, pages, API, errors and refusals alike, carries the security headers.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class SecurityHeadersTests(NodeFixture fixture)
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/js/overview.js", HttpStatusCode.OK)]
    [InlineData("/api/jobs", HttpStatusCode.OK)]
    [InlineData("/api/jobs/k7m2qz", HttpStatusCode.NotFound)]
    [InlineData("/api/jobs?page=x", HttpStatusCode.BadRequest)]
    [InlineData("/ws", HttpStatusCode.BadRequest)]
    public async Task EveryResponse_CarriesCspNosniffFrameDenyAndReferrerPolicy(string path, HttpStatusCode status)
    {
        using var response = await fixture.Node.Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
