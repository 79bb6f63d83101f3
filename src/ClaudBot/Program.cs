using ClaudBot;

return await ClaudBotCli.RunAsync(args, CliConsoles.System, CancellationToken.None);
