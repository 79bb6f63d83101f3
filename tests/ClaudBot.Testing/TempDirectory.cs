namespace ClaudBot.Testing;

/// <summary>A fresh folder under the system temp directory, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "claudbot-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    /// <summary>The folder's own name, as error messages show it (<c>claudbot-test-…/TCS.csv</c>).</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        string path = Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold a file; leaving a temp folder behind is harmless.
        }
    }
}
