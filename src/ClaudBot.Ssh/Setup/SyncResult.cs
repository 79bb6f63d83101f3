namespace ClaudBot.Ssh.Setup;

/// <summary>What one upload pass did: files compared, files uploaded (and their bytes), modes fixed.</summary>
public sealed record SyncResult(int Files, IReadOnlyList<string> Uploaded, long Bytes, int ModesFixed)
{
    public bool ChangedAnything => Uploaded.Count > 0 || ModesFixed > 0;
}
