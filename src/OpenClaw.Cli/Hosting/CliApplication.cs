using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using OpenClaw.Cli.Commands.Agent;
using OpenClaw.Cli.Commands.Config;
using OpenClaw.Cli.Commands.Doctor;
using OpenClaw.Cli.Commands.Infer;
using OpenClaw.Cli.Commands.Models;
using OpenClaw.Cli.Commands.Onboard;
using OpenClaw.Cli.Commands.Sessions;

namespace OpenClaw.Cli.Hosting;

/// <summary>The <c>openclaw</c> program: builds the command tree and runs one command line.</summary>
public static class CliApplication
{
    /// <summary>Prints stack traces with errors.</summary>
    public static Option<bool> VerboseOption { get; } = new("--verbose") { Description = "Show details, including stack traces on errors.", Recursive = true };

    /// <summary>The program's version, as <c>--version</c> prints it.</summary>
    public static string Version { get; } =
        typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The exit code of a run stopped by Ctrl+C (128 + SIGINT), as shells report it.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>Runs with the real console and environment; Ctrl+C and SIGTERM cancel the command instead of killing the process.</summary>
    public static Task<int> RunAsync(string[] args) => RunWithSignalsAsync(args, CliContext.FromProcess());

    /// <summary>
    /// Runs one command line in this process with SIGINT and SIGTERM turned into cancellation of the command, so an agent turn
    /// can abort cleanly (nothing committed, exit 130). The first signal is consumed; a second one terminates the process as
    /// usual, for a command that does not stop.
    /// </summary>
    public static async Task<int> RunWithSignalsAsync(string[] args, CliContext context)
    {
        using var cancellation = new CancellationTokenSource();
        void OnSignal(PosixSignalContext signal)
        {
            if (!cancellation.IsCancellationRequested)
            {
                signal.Cancel = true;
                cancellation.Cancel();
            }
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return await RunAsync(args, context, cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>Runs one command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = BuildRoot(context);
        if (args.Length == 0)
        {
            args = ["--help"];
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var output = new CliOutput(context, args.Contains("--json", StringComparer.Ordinal));
            var command = parse.CommandResult.Command;
            var where = command == root ? "openclaw" : CommandPath(command);
            // An unknown word says more than the "required command" complaint it causes.
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            CommandBuilder.ReportFailure(output, new CliException($"{error.Message} Run {where} --help for usage."), verbose: false);
            return 1;
        }
        // Signals are the host's business (RunWithSignalsAsync): System.CommandLine's own handler would race it for the process.
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The whole command tree.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("OpenClaw: one assistant, hundreds of models through your OpenRouter API key.")
        {
            VerboseOption,
            OnboardCommand.Create(context),
            AgentCommand.Create(context),
            SessionsCommand.Create(context),
            InferCommand.Create(context),
            ModelsCommand.Create(context),
            ConfigCommand.Create(context),
            DoctorCommand.Create(context),
        };
        return root;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null and not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(current.Name);
        }
        names.Add("openclaw");
        names.Reverse();
        return string.Join(' ', names);
    }
}
