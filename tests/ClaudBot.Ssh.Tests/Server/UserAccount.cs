namespace ClaudBot.Ssh.Tests.Server;

/// <summary>
/// The test user of the second machine: /bin/bash, a home in the fixture's folder, a password (setup logs
/// in once with it) and an empty ~/.ssh/authorized_keys already owned by the user with mode 600, so keys
/// can be appended without chown.
/// </summary>
internal static class UserAccount
{
    /// <summary>useradd, chpasswd and userdel lock /etc/passwd; one at a time in this process, retried across processes.</summary>
    private static readonly SemaphoreSlim AccountLock = new(1, 1);

    public static string AuthorizedKeys(string home) => Path.Combine(home, ".ssh", "authorized_keys");

    public static async Task CreateAsync(FixtureNames names, string password, CancellationToken ct)
    {
        await WithAccountLockAsync(
            "useradd",
            ["--create-home", "--home-dir", names.Home, "--shell", "/bin/bash", "--user-group", "--comment", "ClaudBot test server", names.User],
            null,
            ct);
        // chpasswd reads the secret from standard input, so it never shows in a process list or an exception.
        await WithAccountLockAsync("chpasswd", [], $"{names.User}:{password}\n", ct);

        string ssh = Path.Combine(names.Home, ".ssh");
        await HostCommand.RunCheckedAsync("install", ["-d", "-m", "700", "-o", names.User, "-g", names.User, ssh], ct: ct);
        await HostCommand.RunCheckedAsync("install", ["-m", "600", "-o", names.User, "-g", names.User, "/dev/null", AuthorizedKeys(names.Home)], ct: ct);
    }

    /// <summary>Removes the user, its group and its home; a user that does not exist is fine.</summary>
    public static async Task DeleteAsync(FixtureNames names)
    {
        if ((await HostCommand.RunAsync("id", ["-u", names.User])).Succeeded)
        {
            await WithAccountLockAsync("userdel", ["--force", "--remove", names.User], null, CancellationToken.None);
        }
    }

    private static async Task WithAccountLockAsync(string program, IReadOnlyList<string> arguments, string? input, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            HostCommandResult result;
            await AccountLock.WaitAsync(ct);
            try
            {
                result = await HostCommand.RunAsync(program, arguments, input, workingDirectory: null, ct);
            }
            finally
            {
                AccountLock.Release();
            }

            if (result.Succeeded)
            {
                return;
            }

            // "cannot lock /etc/passwd; try again later": another test process is editing the account files.
            if (attempt >= 40 || !result.Error.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Error.Trim()}");
            }

            await Task.Delay(50, ct);
        }
    }
}
