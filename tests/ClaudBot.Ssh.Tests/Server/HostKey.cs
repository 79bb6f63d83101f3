using System.Security.Cryptography;

namespace ClaudBot.Ssh.Tests.Server;

/// <summary>A public host key as known_hosts holds it, and its fingerprint as SSH.NET reports it.</summary>
/// <param name="PublicLine"><c>ssh-ed25519 AAAA…</c>, without a comment.</param>
/// <param name="FingerprintSha256">
/// Base64 of the SHA-256 of the key blob, without padding and without the <c>SHA256:</c> prefix, exactly
/// like <c>HostKeyEventArgs.FingerPrintSHA256</c> (<c>ssh-keygen -l</c> prints the same after <c>SHA256:</c>).
/// </param>
internal sealed record HostKey(string PublicLine, string FingerprintSha256)
{
    public static HostKey FromPublicLine(string line)
    {
        string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length < 2)
        {
            throw new FormatException("Not an OpenSSH public key line.");
        }

        byte[] blob = Convert.FromBase64String(fields[1]);
        return new HostKey($"{fields[0]} {fields[1]}", Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('='));
    }
}
