using ClaudBot.Hosting;

namespace ClaudBot.Chat;

/// <summary>Where the terminal keeps a reply's pictures and documents: saved under the charts folder, by their own file name.</summary>
internal static class ReplyFiles
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="folder"/> and returns the file's path.</summary>
    public static async Task<string> SaveAsync(string folder, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateDirectory(folder);
        string path = Path.Combine(folder, Path.GetFileName(fileName));
        await PrivateFiles.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
