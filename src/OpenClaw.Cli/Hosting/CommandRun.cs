using System.CommandLine;

namespace OpenClaw.Cli.Hosting;

/// <summary>One command invocation: its parsed arguments, the user's state, the output channel and cancellation.</summary>
public sealed class CommandRun(ParseResult parse, LocalState state, CliOutput output, CancellationToken cancellationToken)
{
    public ParseResult Parse { get; } = parse;

    public LocalState State { get; } = state;

    public CliOutput Output { get; } = output;

    public CliContext Context => State.Context;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);
}
