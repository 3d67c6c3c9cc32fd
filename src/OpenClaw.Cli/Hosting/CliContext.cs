using System.Collections;

namespace OpenClaw.Cli.Hosting;

/// <summary>Everything a command may touch outside the process: streams, environment, clock, network handler.</summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required TextReader In { get; init; }

    /// <summary>True when a person can answer prompts: stdin and stdout are both terminals.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>True when stdout is a terminal that may get colour (not redirected, <c>NO_COLOR</c> unset).</summary>
    public bool UseColor { get; init; }

    /// <summary>The process environment (never modified: the config's <c>env</c> block is layered on a copy).</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Where relative paths and <c>./.env</c> are resolved.</summary>
    public required string WorkingDirectory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The console that asks questions (prompts are written to stderr so that stdout keeps only results); tests give a
    /// scripted one.
    /// </summary>
    public Func<Spectre.Console.IAnsiConsole> PromptConsole { get; init; } = CreatePromptConsole;

    /// <summary>Replaces the network for in-process tests.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    private static Spectre.Console.IAnsiConsole CreatePromptConsole() =>
        Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(Console.Error),
            ColorSystem = System.Environment.GetEnvironmentVariable("NO_COLOR") is null
                ? Spectre.Console.ColorSystemSupport.Detect
                : Spectre.Console.ColorSystemSupport.NoColors,
        });

    /// <summary>The real console and process environment.</summary>
    public static CliContext FromProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                environment[name] = value;
            }
        }
        var outputIsTerminal = !Console.IsOutputRedirected;
        return new CliContext
        {
            Out = Console.Out,
            Error = Console.Error,
            In = Console.In,
            IsInteractive = outputIsTerminal && !Console.IsInputRedirected,
            UseColor = outputIsTerminal && !environment.ContainsKey("NO_COLOR"),
            Environment = environment,
            WorkingDirectory = System.Environment.CurrentDirectory,
        };
    }
}
