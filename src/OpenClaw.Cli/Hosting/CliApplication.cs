namespace OpenClaw.Cli;

/// <summary>The <c>openclaw</c> entry point.</summary>
public static class CliApplication
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length == 0 ? 0 : 1);
}
