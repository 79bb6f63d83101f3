using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ClaudBot.Dashboard.Security;

/// <summary>The token a request carries (bearer header or cookie), compared in constant time.</summary>
internal static class TokenCheck
{
    public const string CookieName = "claudbot_token";

    public static bool Matches(string? presented, string expected)
    {
        if (presented is null)
        {
            return false;
        }

        // Hashing first gives equal lengths, so the comparison's time says nothing about the token.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    public static string? Presented(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Cookies.TryGetValue(CookieName, out string? cookie) ? cookie : null;
    }
}
