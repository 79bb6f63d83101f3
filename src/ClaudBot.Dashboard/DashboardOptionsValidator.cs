using System.Globalization;
using ClaudBot.Cluster;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard;

/// <summary>Refuses a non-loopback bind without a token, a short token, and a URL Kestrel cannot use.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        foreach (string url in ListenUrls.Split(options.Url))
        {
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return ValidateOptionsResult.Fail($"Dashboard:Url '{url}' must start with http:// or https://.");
            }
        }

        if (options.RequiresToken && options.Token.Length < DashboardOptions.MinTokenLength)
        {
            // The length is safe to show; the token is never part of a message.
            return ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Dashboard:Token is {options.Token.Length} characters; it must have at least {DashboardOptions.MinTokenLength} (e.g. the output of 'openssl rand -hex 16')."));
        }

        if (!options.RequiresToken && !BindAddress.IsLoopback(options.Url))
        {
            return ValidateOptionsResult.Fail(
                $"Dashboard:Url '{options.Url}' is not a loopback address (every URL of the list must be), so the dashboard would be open to the network: set Dashboard:Token (e.g. CLAUDBOT_Dashboard__Token) or bind http://127.0.0.1:3000 and use an SSH forward.");
        }

        return ValidateOptionsResult.Success;
    }
}
