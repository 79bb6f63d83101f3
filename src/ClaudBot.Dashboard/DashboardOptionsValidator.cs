using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard;

/// <summary>Refuses a non-loopback bind without a token, and a URL Kestrel cannot use.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!options.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !options.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Dashboard:Url '{options.Url}' must start with http:// or https://.");
        }

        if (!options.RequiresToken && !BindAddress.IsLoopback(options.Url))
        {
            // The URL is safe to show; the token is never part of a message.
            return ValidateOptionsResult.Fail(
                $"Dashboard:Url '{options.Url}' is not a loopback address, so the dashboard would be open to the network: set Dashboard:Token (e.g. CLAUDBOT_Dashboard__Token) or bind http://127.0.0.1:3000 and use an SSH forward.");
        }

        return ValidateOptionsResult.Success;
    }
}
