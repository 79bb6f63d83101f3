using ClaudBot.Bot.Actions;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.FollowUps;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Tests.Actions;

/// <summary>JobActions maps each intent to its own handler: nothing falls through to the cleanup, which deletes results.</summary>
public sealed class JobActionsTableTests
{
    private static readonly string[] Claimed = ["submit_cluster_job", "best_strategy", "walk_forward", "job_status", "list_jobs", "job_results", "job_json", "cancel_job", "cleanup_results"];

    private readonly RecordingTarget _target = new();

    [Fact]
    public void Intents_AreExactlyTheOnesWithAHandler()
    {
        Assert.Equal(Claimed.Order(), Actions().Intents.Order());
    }

    [Fact]
    public async Task AnIntentWithoutAHandler_Throws_AndDeletesNothing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Actions().ExecuteAsync(Context("purge_everything"), CancellationToken.None));

        Assert.Equal("JobActions has no handler for intent 'purge_everything'.", error.Message);
        Assert.Empty(_target.Cleanups);
    }

    [Theory]
    [InlineData("job_status")]
    [InlineData("list_jobs")]
    [InlineData("job_results")]
    [InlineData("job_json")]
    [InlineData("cancel_job")]
    public async Task EveryOtherClaimedIntent_NeverCleansUp(string intent)
    {
        // The recording target has no client, so each handler fails at its first cluster call; what matters is where it went.
        await Assert.ThrowsAnyAsync<Exception>(() => Actions().ExecuteAsync(Context(intent), CancellationToken.None));

        Assert.Empty(_target.Cleanups);
    }

    [Fact]
    public async Task CleanupResults_CleansUpKeepingTheGivenNumber()
    {
        var keep = new SlotValue("keep", SlotType.WholeNumber, "7") { Number = 7 };

        var reply = await Actions().ExecuteAsync(Context("cleanup_results", keep), CancellationToken.None);

        Assert.Equal([7], _target.Cleanups);
        Assert.Equal("Nothing to clean up: at most 7 finished jobs are kept, and there are no more.", BotHarness.Text(reply));
    }

    private JobActions Actions() => new(_target, null!, null!, new Rules.RecentRules(), new RecentRequests(TimeProvider.System, Options.Create(new BotOptions())), TimeProvider.System);

    private static ActionContext Context(string intent, params SlotValue[] slots) => new(
        new IntentMatch(intent, 1, "pattern", slots.ToDictionary(s => s.Name), [], [], []),
        new ChatMessage(new ChatKey("test", "chat-1"), BotHarness.Operator, intent));
}
