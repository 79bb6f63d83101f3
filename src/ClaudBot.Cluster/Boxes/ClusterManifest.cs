namespace ClaudBot.Cluster.Boxes;

/// <summary>What the driver publishes in the queue server as what the cluster runs: the engine version, and the data fingerprint
/// without its file list (read only by a box whose fingerprint differs: <see cref="ManifestStore.ReadFilesAsync"/>).</summary>
public sealed record ClusterManifest(string Engine, string DataFingerprint, string PublishedBy, DateTimeOffset PublishedAt);
