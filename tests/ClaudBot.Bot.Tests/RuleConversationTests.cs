using ClaudBot.Bot.Replies;
using ClaudBot.Hosting.Strategies;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>Written rules in chat without running a job: checking, saving under a name, listing, and errors with a caret.</summary>
public sealed class RuleConversationTests
{
    private const string Rsi2 = "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70";

    [Fact]
    public async Task CheckARule_EchoesItCanonical_AndNothingRuns()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SayAsync("check BUY WHEN rsi(2) is below 10 AND close is above sma(200) then SELL WHEN rsi(2) is greater than 70");

        Assert.Equal("check_rule", reply.Intent);
        Assert.True(reply.Succeeded);
        Assert.Null(reply.FollowJob);
        Assert.Equal($"Rule: {Rsi2}\nNothing ran. 'save it as NAME' keeps it; 'backtest NAME on TCS' then runs it.", Text(reply));
    }

    [Fact]
    public async Task CheckAGrid_SaysHowManyRulesItRuns()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SayAsync("validate buy when rsi(2..6 step 2) < 5|10, sell when rsi(2) > 70");

        Assert.Equal("Rule: buy when rsi(2|4|6) < 5|10, sell when rsi(2) > 70 (6 combinations)", ((TextPart)reply.Parts[0]).Text);
    }

    [Fact]
    public async Task SaveItAs_SavesTheLastRuleChecked_ThenTheNameRunsIt_AndListStrategiesShowsIt()
    {
        await using var bot = await StartAsync();
        var store = bot.Get<SavedRuleFiles>();

        var unknown = await bot.SayAsync("check trend");
        Assert.Equal("Unknown strategy 'trend'. Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.", Text(unknown));

        await bot.SayAsync($"check {Rsi2}");
        var saved = await bot.SayAsync("save it as rsi2");
        Assert.Equal("save_rule", saved.Intent);
        Assert.Equal($"Saved rsi2: {Rsi2}", Text(saved));
        Assert.Equal(Rsi2, store.Find("rsi2"));
        Assert.True(File.Exists(Path.Combine(store.Directory, "rsi2.yaml")));

        await bot.SayAsync("check hold while sma(50) > sma(200)");
        Assert.Equal("Saved trend: hold while sma(50) > sma(200)", Text(await bot.SayAsync("call it trend")));

        // Both names were looked up (and failed, for 'trend') before they were saved: each now reads as its rule.
        Assert.Equal($"Rule: {Rsi2}", ((TextPart)(await bot.SayAsync("check rsi2")).Parts[0]).Text);
        Assert.Equal("Rule: hold while sma(50) > sma(200)", ((TextPart)(await bot.SayAsync("check trend")).Parts[0]).Text);

        var list = await bot.SayAsync("list strategies");
        var table = list.Parts.OfType<TablePart>().Single(t => t.Title == "Saved rules");
        Assert.Equal([["rsi2", Rsi2], ["trend", "hold while sma(50) > sma(200)"]], table.Rows);
    }

    [Fact]
    public async Task AHandEditedRuleThatNoLongerReads_IsListedWithWhy_AndUsingItSaysSo()
    {
        await using var bot = await StartAsync();
        var store = bot.Get<SavedRuleFiles>();
        Directory.CreateDirectory(store.Directory);
        string path = Path.Combine(store.Directory, "broken.yaml");
        await File.WriteAllTextAsync(path, "name: broken\nnote: no rule here\n");

        var table = (await bot.SayAsync("list strategies")).Parts.OfType<TablePart>().Single(t => t.Title == "Saved rules");
        var check = await bot.SayAsync("check broken");

        Assert.Equal([["broken", $"{path} has no 'rule:' line."]], table.Rows);
        Assert.False(check.Succeeded);
        Assert.Equal($"{path} has no 'rule:' line.", Text(check));
    }

    [Fact]
    public async Task ListStrategies_WithNoSavedRule_SaysHowToMakeOne()
    {
        await using var bot = await StartAsync();

        var list = await bot.SayAsync("list strategies");

        Assert.Equal("No saved rules yet. Write one (e.g. 'check buy when rsi(2) < 10, sell when rsi(2) > 70'), then 'save it as NAME'.", ((TextPart)list.Parts[^1]).Text);
    }

    [Fact]
    public async Task SavingUnderATakenName_ReplacesIt_AndSaysWhatWasReplaced()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync($"check {Rsi2}");
        await bot.SayAsync("save it as rsi2");
        await bot.SayAsync("check hold while close > ema(20)");

        var replaced = await bot.SayAsync("save this rule as RSI2");

        Assert.True(replaced.Succeeded);
        Assert.Equal($"Saved rsi2: hold while close > ema(20)\nIt replaced the rule saved as rsi2 before: {Rsi2}", Text(replaced));
        Assert.Equal("hold while close > ema(20)", bot.Get<SavedRuleFiles>().Find("rsi2"));
    }

    [Theory]
    [InlineData("save it as rsi", "'rsi' is a built-in strategy; pick another name (e.g. my_rsi).")]
    [InlineData("save it as close", "'close' is a word of the rule language; pick another name (e.g. my_close).")]
    [InlineData("call it sma", "'sma' is a word of the rule language; pick another name (e.g. my_sma).")]
    [InlineData("save it as big rule", "'big rule' cannot name a rule: use lower-case letters, digits and '_', starting with a letter, at most 32 characters (e.g. rsi2).")]
    [InlineData("save that as 2fast", "'2fast' cannot name a rule: use lower-case letters, digits and '_', starting with a letter, at most 32 characters (e.g. rsi2).")]
    public async Task ABadName_IsRefusedInOneLine_AndNothingIsSaved(string phrase, string refusal)
    {
        await using var bot = await StartAsync();
        await bot.SayAsync($"check {Rsi2}");

        var reply = await bot.SayAsync(phrase);

        Assert.False(reply.Succeeded);
        Assert.Equal(refusal, Text(reply));
        Assert.Empty(bot.Get<SavedRuleFiles>().List());
    }

    [Fact]
    public async Task SavingWithNoRuleInTheConversation_SaysSo_EvenWhenSomeoneElseInTheChatHasOne()
    {
        await using var bot = await StartAsync();
        var colleague = new Conversations.ChatUser("1002", "omar", Intents.Catalog.IntentRole.Operator);
        await bot.SayAsync($"check {Rsi2}", colleague);

        var reply = await bot.SayAsync("save it as rsi2");
        var elsewhere = await bot.SayAsync("save it as rsi2", colleague, chat: "chat-2");

        const string NoRule = "There is no rule to save yet: run or check one in this chat first (e.g. 'check hold while sma(50) > sma(200)').";
        Assert.Equal(NoRule, Text(reply));
        Assert.Equal(NoRule, Text(elsewhere));
        Assert.False(reply.Succeeded);
        Assert.Empty(bot.Get<SavedRuleFiles>().List());
    }

    [Fact]
    public async Task ARuleWithAnError_ShowsTheMessageAndCaret_AsksForTheRuleAgain_AndNothingRuns()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SayAsync("backtest buy when smaa(2) < 10, sell when rsi(2) > 70 on TCS");

        Assert.Equal("submit_cluster_job", reply.Intent);
        Assert.False(reply.Succeeded);
        Assert.True(reply.NeedsAnswer);
        Assert.Null(reply.FollowJob);
        Assert.Equal(
            [
                new TextPart("unknown indicator 'smaa' at column 10: did you mean sma?", ReplyTone.Error),
                new BlockPart("buy when smaa(2) < 10, sell when rsi(2)...\n         ^"),
                new TextPart("Send the corrected rule (or 'cancel')."),
            ],
            reply.Parts);

        // A corrected rule that is still wrong is explained the same way, and asked for again.
        var again = await bot.SayAsync("buy when sma(2) < 10, sell when rsx(2) > 70");
        Assert.True(again.NeedsAnswer);
        Assert.Equal(
            "unknown indicator 'rsx' at column 33: did you mean rsi?\n...y when sma(2) < 10, sell when rsx(2) > 70\n"
            + "                                 ^\nWhich strategies? (e.g. rsi, macd, rsi(period=10)) (or 'cancel')",
            Text(again));

        Assert.Equal("OK, forgotten.", Text(await bot.SayAsync("cancel")));
    }

    [Fact]
    public async Task ACheckedRuleWithAnError_IsAskedForAgain_AndTheCorrectionIsChecked()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SayAsync("check hold while close > smaa(20)");
        Assert.Equal("unknown indicator 'smaa' at column 20: did you mean sma?\nhold while close > smaa(20)\n                   ^\nSend the corrected rule (or 'cancel').", Text(reply));

        var corrected = await bot.SayAsync("hold while close > sma(20)");
        Assert.Equal("check_rule", corrected.Intent);
        Assert.Equal("Rule: hold while close > sma(20)\nNothing ran. 'save it as NAME' keeps it; 'backtest NAME on TCS' then runs it.", Text(corrected));
        Assert.Equal("Saved trend20: hold while close > sma(20)", Text(await bot.SayAsync("save it as trend20")));
    }
}
