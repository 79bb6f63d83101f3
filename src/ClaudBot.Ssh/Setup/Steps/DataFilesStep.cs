using System.Globalization;

namespace ClaudBot.Ssh.Setup.Steps;

/// <summary>
/// The bundled market data (daily CSVs, LICENSE, SOURCE.md) into ~/REMOTE-DIR/data, only files whose SHA-256
/// differs. From the node folder's data/ or, failing that, the source checkout's. The node's cache there is left alone.
/// </summary>
public sealed class DataFilesStep : ISetupStep
{
    public string Name => "Market data";

    public async Task<StepReport> RunAsync(SetupContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string data = Source(context)
            ?? throw new SetupException($"No market data to upload: neither {Path.Combine(context.NodeDirectory!, "data")} nor the source checkout's data/ has CSV files.");
        context.DataDirectory = data;
        var items = SyncItem.From(data, "data/", IsDataFile).ToList();
        var sync = await RemoteSync.RunAsync(context, items, cancellationToken);
        string folder = $"~/{context.Options.RemoteDirectory}/data";
        return sync.Uploaded.Count > 0
            ? StepReport.Done(Name, string.Create(CultureInfo.InvariantCulture, $"uploaded {sync.Uploaded.Count} of {sync.Files} files ({sync.Bytes / 1048576.0:0.0} MB) to {folder}"))
            : StepReport.Already(Name, $"all {sync.Files} files in {folder} are up to date");
    }

    private static string? Source(SetupContext context)
    {
        string beside = Path.Combine(context.NodeDirectory!, "data");
        if (Directory.Exists(beside) && Directory.EnumerateFiles(beside, "*.csv").Any())
        {
            return beside;
        }

        string? checkout = NodePublisher.FindCheckout(context.Options.ProgramDirectory);
        string? data = checkout is null ? null : Path.Combine(checkout, "data");
        return data is not null && Directory.Exists(data) && Directory.EnumerateFiles(data, "*.csv").Any() ? data : null;
    }

    // Only the top level: data/.cache is the node's own.
    private static bool IsDataFile(string relative) =>
        relative.Count(c => c == '/') == 1 && (relative.EndsWith(".csv", StringComparison.Ordinal) || relative is "data/LICENSE" or "data/SOURCE.md");
}
