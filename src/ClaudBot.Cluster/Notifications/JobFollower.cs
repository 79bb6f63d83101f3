namespace ClaudBot.Cluster.Notifications;

/// <summary>
/// A chat that is told when a job ends: the channel it lives on (<c>telegram</c>, <c>terminal</c>), the chat's id on
/// that channel, and how many of the best results its message shows (null: the channel's usual summary).
/// </summary>
public sealed record JobFollower(string Channel, string Chat, int? Top = null);
