namespace ClaudBot.Ssh.Setup;

/// <summary>Small text files on the server (settings, the systemd unit), read and written whole over SFTP.</summary>
internal static class RemoteFiles
{
    /// <summary>The file's text, or null when it does not exist. <paramref name="path"/> is relative to the home folder.</summary>
    public static async Task<string?> ReadAsync(SetupContext context, string path, CancellationToken cancellationToken)
    {
        var sftp = context.Server.Sftp;
        string full = Full(context, path);
        if (!await sftp.ExistsAsync(full, cancellationToken))
        {
            return null;
        }

        using var stream = new MemoryStream();
        await sftp.DownloadFileAsync(full, stream, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the file (its folder must exist) through a temporary name, so it is never seen half-written.</summary>
    public static async Task WriteAsync(SetupContext context, string path, byte[] content, CancellationToken cancellationToken)
    {
        var sftp = context.Server.Sftp;
        string full = Full(context, path);
        string temporary = $"{full[..full.LastIndexOf('/')]}/.{Path.GetFileName(full)}.claudbot-upload";
        using (var source = new MemoryStream(content))
        {
            await sftp.UploadFileAsync(source, temporary, cancellationToken);
        }

        sftp.ChangePermissions(temporary, 644);
        sftp.RenameFile(temporary, full, isPosix: true);
        context.FilesUploaded++;
        context.BytesUploaded += content.Length;
    }

    private static string Full(SetupContext context, string path) => $"{context.Server.Home.TrimEnd('/')}/{path}";
}
