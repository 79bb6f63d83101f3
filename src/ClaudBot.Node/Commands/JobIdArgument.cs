using System.CommandLine;
using ClaudBot.Jobs;

namespace ClaudBot.Node.Commands;

/// <summary>The <c>ID</c> of <c>job ID</c> and <c>cancel ID</c>: refused by <see cref="JobId"/>'s rule while parsing, before the queue is asked.</summary>
internal static class JobIdArgument
{
    public static Argument<string> Create()
    {
        var id = new Argument<string>("id") { Description = "Job id (6 lowercase letters or digits)" };
        id.Validators.Add(result =>
        {
            if (!JobId.IsValid(result.GetValueOrDefault<string>()))
            {
                result.AddError(JobId.Rule);
            }
        });
        return id;
    }
}
