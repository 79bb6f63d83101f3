using System.CommandLine;
using ClaudBot.Node.Commands;

var root = new RootCommand("claudbot-node: the server side of ClaudBot's backtesting cluster.");
root.Subcommands.Add(DataCommand.Create());
return await root.Parse(args).InvokeAsync();
