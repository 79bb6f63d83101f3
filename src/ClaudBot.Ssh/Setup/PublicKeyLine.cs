using System.Text.RegularExpressions;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// The client's public key as it goes into the server's authorized_keys: an ed25519 key line,
/// <c>ssh-ed25519 BASE64 [comment]</c>, checked strictly because it is put (single-quoted) into a remote command.
/// </summary>
public sealed partial record PublicKeyLine
{
    private PublicKeyLine(string line, string key)
    {
        Line = line;
        Key = key;
    }

    /// <summary>The whole line, with its comment.</summary>
    public string Line { get; }

    /// <summary>Type and base64 without the comment: what identifies the key in authorized_keys.</summary>
    public string Key { get; }

    /// <summary>The line, or null when it is not an ed25519 public key line with a plain comment.</summary>
    public static PublicKeyLine? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text.Trim());
        return match.Success ? new PublicKeyLine(match.Value, match.Groups["key"].Value) : null;
    }

    // An ed25519 key blob is 51 bytes: 68 base64 characters, always starting with the encoded type name.
    // The comment: printable ASCII without quotes or backslashes.
    [GeneratedRegex(@"^(?<key>ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43})( [\x20-\x7E-['""\\]]{0,200})?$")]
    private static partial Regex Pattern();
}
