using static ClaudBot.Telegram.Tests.TelegramBotHarness;

namespace ClaudBot.Telegram.Tests;

/// <summary>
/// Schedules over Telegram (fake Bot API on loopback, a real node): /schedules reaches the list (and says the node is
/// needed while it is stopped), and "send me the top 5" makes this Telegram chat the schedule's follower.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class TelegramScheduleTests
{
    [Fact]
    public async Task SlashSchedules_ListsThem_AndSendMeTheTop5_FollowsWithThisTelegramChat()
    {
        await using var bot = await StartAsync();

        await bot.AskAsync("/schedules", Containing("Schedules are kept and fired by the node, and its API does not answer. Type 'start cluster' first."));
        await bot.AskAsync("start cluster", Containing("Cluster started"));
        await bot.AskAsync("/schedules", Containing("No schedules."));
        await bot.AskAsync("every weekday at 18:00 run rsi on TCS for the last year and send me the top 5", Containing("This chat gets the top 5 of each run."));
        await bot.AskAsync("/schedules", Containing($"telegram:{ChatA} (top 5)"));
    }
}
