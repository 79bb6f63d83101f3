using System.Security.Cryptography;
using ClaudBot.Hosting;

namespace ClaudBot.Ssh;

/// <summary>
/// Host keys in OpenSSH <c>known_hosts</c> format (<c>host key-type base64</c>, <c>[host]:port</c> for other
/// ports): the first key seen is recorded (after the user said yes), and later a different key is refused.
/// </summary>
public sealed class KnownHosts(string path)
{
    public string Path => path;

    /// <summary>The recorded key of <paramref name="host"/>:<paramref name="port"/> (type and bytes), or null if none.</summary>
    public (string Type, byte[] Key)? Find(string host, int port)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string name = Name(host, port);
        foreach (string line in File.ReadLines(path))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3 && !line.StartsWith('#') && fields[0].Split(',').Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                try
                {
                    return (fields[1], Convert.FromBase64String(fields[2]));
                }
                catch (FormatException)
                {
                    continue;
                }
            }
        }

        return null;
    }

    /// <summary>Records <paramref name="key"/> for the host, replacing any earlier line for it.</summary>
    public void Record(string host, int port, string type, byte[] key)
    {
        string name = Name(host, port);
        var kept = File.Exists(path)
            ? File.ReadAllLines(path).Where(l => !l.Split(' ', 2)[0].Split(',').Contains(name, StringComparer.OrdinalIgnoreCase))
            : [];
        PrivateFiles.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        PrivateFiles.WriteAllLines(path, [.. kept, $"{name} {type} {Convert.ToBase64String(key)}"]);
    }

    /// <summary>The fingerprint as <c>ssh-keygen -l</c> prints it: <c>SHA256:</c> and unpadded base64.</summary>
    public static string Fingerprint(byte[] key) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(key)).TrimEnd('=');

    /// <summary>How known_hosts names a host: <c>host</c> on port 22, <c>[host]:port</c> otherwise.</summary>
    public static string Name(string host, int port) => port == 22 ? host : $"[{host}]:{port}";
}
