using ClaudBot.Node;

return await NodeCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
