using ClaudBot.Cluster.Notifications;
using ClaudBot.Cluster.Schedules;

namespace ClaudBot.Cluster.Tests.Schedules;

/// <summary>The one check of the chats a schedule tells, and the CLI's channel:chat[:top] form of one.</summary>
public sealed class ScheduleNotifyTests
{
    [Fact]
    public void Check_TrimsEachFollower_AndKeepsTheirOrder()
    {
        var followers = ScheduleNotify.Check([new JobFollower(" telegram ", " -100123 ", 5), new JobFollower("terminal", "local")]);

        Assert.Equal([new JobFollower("telegram", "-100123", 5), new JobFollower("terminal", "local")], followers);
        Assert.Empty(ScheduleNotify.Check(null));
    }

    [Theory]
    [InlineData("telegram", "42", 0, "top must be 1 to 50 (it was 0); leave it out for the usual summary.")]
    [InlineData("telegram", "42", 51, "top must be 1 to 50 (it was 51); leave it out for the usual summary.")]
    [InlineData("", "42", null, "Each notify entry needs a channel: a short lower-case word such as 'telegram'.")]
    [InlineData("follows:x", "42", null, "Each notify entry needs a channel: a short lower-case word such as 'telegram'.")]
    [InlineData("telegram", "", null, "Each notify entry needs a chat: its id on the channel, 1 to 100 printable characters.")]
    [InlineData("telegram", "4\n2", null, "Each notify entry needs a chat: its id on the channel, 1 to 100 printable characters.")]
    public void Check_RefusesABadFollower_NamingNotify(string channel, string chat, int? top, string message)
    {
        var error = Assert.Throws<ScheduleFieldException>(() => ScheduleNotify.Check([new JobFollower(channel, chat, top)]));

        Assert.Equal(("notify", message), (error.Field, error.Message));
    }

    [Theory]
    [InlineData("telegram:12345:5", "telegram", "12345", 5)]
    [InlineData("terminal:local", "terminal", "local", null)]
    public void Parse_ReadsChannelChatAndTop(string text, string channel, string chat, int? top) =>
        Assert.Equal(new JobFollower(channel, chat, top), ScheduleNotify.Parse(text));

    [Theory]
    [InlineData("telegram")]
    [InlineData("telegram:1:2:3")]
    [InlineData("telegram:1:five")]
    public void Parse_RefusesOtherForms_InOneLine(string text) =>
        Assert.Equal($"'{text}' is not a chat to tell: write channel:chat or channel:chat:top, e.g. telegram:12345:5.", Assert.Throws<ScheduleFieldException>(() => ScheduleNotify.Parse(text)).Message);
}
