using ClaudBot.Ssh.Setup.Steps;

namespace ClaudBot.Ssh.Setup;

/// <summary>
/// <c>claudbot data push</c>: logs in with the key to the server setup recorded (only its recorded host key is trusted)
/// and runs <see cref="UserDataStep"/>, so the node's jobs run on this home's imported data.
/// </summary>
public sealed class UserDataPush(SetupOptions options, ISetupConsole console)
{
    /// <summary>The step's report: done (what was sent), already (nothing to send) or failed (why).</summary>
    public async Task<StepReport> RunAsync(CancellationToken cancellationToken)
    {
        var step = new UserDataStep();
        var context = new SetupContext(options, console, new NoPasswords());
        try
        {
            if (UserDataStep.Items(options.UserDataDirectory).Count > 0)
            {
                string key = options.Target.ResolveIdentityFile();
                if (!File.Exists(key))
                {
                    return new StepReport(step.Name, StepOutcome.Failed, $"{options.Target.Describe()}: no SSH key at {key}: run 'claudbot setup' first.");
                }

                context.Connection = await Logins.WithKeyAsync(options, Logins.RecordedOnly(options), cancellationToken);
            }

            return await step.RunAsync(context, cancellationToken);
        }
        catch (HostKeyNotTrustedException)
        {
            return new StepReport(step.Name, StepOutcome.Failed, $"{options.Target.Describe()}'s host key is not recorded in {options.Target.ResolveKnownHostsFile()}: run 'claudbot setup' first.");
        }
        catch (SetupException failure)
        {
            return new StepReport(step.Name, StepOutcome.Failed, failure.Message);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or Renci.SshNet.Common.SshException or System.Net.Sockets.SocketException)
        {
            return new StepReport(step.Name, StepOutcome.Failed, $"{options.Target.Describe()}: {failure.Message}");
        }
        finally
        {
            context.Connection?.Dispose();
        }
    }

    // Push never logs in with a password: the key login is what setup leaves behind.
    private sealed class NoPasswords : IPasswordSource
    {
        public string? Read(string prompt) => null;
    }
}
