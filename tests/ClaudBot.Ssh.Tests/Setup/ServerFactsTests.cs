using ClaudBot.Ssh.Setup;

namespace ClaudBot.Ssh.Tests.Setup;

public sealed class ServerFactsTests
{
    private const string I7 = """
        kernel=Linux 6.1.0-28-amd64 x86_64
        arch=x86_64
        os=Debian GNU/Linux 12 (bookworm)
        cores=8
        MemTotal:32780412kB
        SwapTotal:999420kB
        diskfree=412345678
        systemd=degraded
        linger=no
        runtime=Microsoft.AspNetCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]
        runtime=Microsoft.NETCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.NETCore.App]
        runtime=Microsoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]
        """;

    [Fact]
    public void TheCheckOutput_OfARecommendedServer_IsReadInFull_WithNoShortfall()
    {
        var facts = ServerFacts.Parse(I7);

        Assert.Equal(
            new ServerFacts
            {
                Kernel = "Linux 6.1.0-28-amd64 x86_64",
                Architecture = "x86_64",
                OperatingSystem = "Debian GNU/Linux 12 (bookworm)",
                Cores = 8,
                MemoryKb = 32780412,
                SwapKb = 999420,
                DiskFreeKb = 412345678,
                UserSystemd = true,
                SystemSystemd = true,
                Linger = false,
                DotnetRuntimes = facts.DotnetRuntimes,
            },
            facts);
        Assert.Equal(["8.0.11", "10.0.12"], facts.DotnetRuntimes);
        Assert.True(facts.HasDotnet10);
        Assert.Equal("linux-x64", facts.RuntimeIdentifier);
        Assert.Empty(facts.Shortfalls());
        Assert.Equal("Debian GNU/Linux 12 (bookworm), x86_64, 8 cores, 31.3 GB RAM + 1 GB swap, 393.2 GB free, systemd, .NET 10.0.12", facts.Describe());
    }

    [Fact]
    public void ASmallArmBoard_WithoutSystemdOrDotnet_GetsEveryWarning()
    {
        var facts = ServerFacts.Parse("arch=aarch64\ncores=2\nMemTotal:3900000kB\nSwapTotal:0kB\ndiskfree=29000000\nsystemd=none\nlinger=\n");

        Assert.Equal("linux-arm64", facts.RuntimeIdentifier);
        Assert.False(facts.UserSystemd);
        Assert.False(facts.SystemSystemd);
        Assert.False(facts.HasDotnet10);
        Assert.Equal(
            [
                "2 CPU cores: 4 or more are recommended (fewer workers run at once).",
                "3.7 GB of memory: 16 GB or more are recommended for large sweeps.",
                "27.7 GB free in the home folder: 100 GB or more are recommended for results files.",
            ],
            facts.Shortfalls());
    }

    [Theory]
    [InlineData("systemd=offline", false, true)]
    [InlineData("systemd=running", true, true)]
    [InlineData("systemd=", false, true)]
    [InlineData("systemd=none", false, false)]
    public void UserSystemd_CountsOnlyWhenTheUsersManagerAnswers(string line, bool user, bool system)
    {
        var facts = ServerFacts.Parse(line);

        Assert.Equal((user, system), (facts.UserSystemd, facts.SystemSystemd));
    }

    [Theory]
    [InlineData("riscv64")]
    [InlineData("armv7l")]
    [InlineData("")]
    public void AnArchitectureWithoutANodeBuild_HasNoRuntime(string arch) => Assert.Null(ServerFacts.Parse($"arch={arch}").RuntimeIdentifier);
}
