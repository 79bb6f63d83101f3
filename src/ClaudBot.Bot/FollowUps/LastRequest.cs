using ClaudBot.Intents.Matching;

namespace ClaudBot.Bot.FollowUps;

/// <summary>
/// A backtest a chat queued, as the slots it ran with (strategies, symbols and period resolved; execution when said),
/// and the job it made: what a follow-up changes part of.
/// </summary>
public sealed record LastRequest(SlotValue Strategies, SlotValue Symbols, SlotValue Period, SlotValue? Execution, string JobId);
