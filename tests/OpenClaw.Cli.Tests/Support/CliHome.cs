using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace OpenClaw.Cli.Tests.Support;

/// <summary>
/// A throwaway user: a temporary <c>HOME</c> and working directory, and a way to run the real <c>openclaw</c> program in
/// them as a separate process with a clean environment (no key, no <c>OPENCLAW_*</c> from the machine running the tests).
/// </summary>
public sealed class CliHome : IDisposable
{
    private static readonly string ProgramPath = Path.Combine(AppContext.BaseDirectory, "openclaw.dll");
    private static readonly string DotnetHost = FindDotnetHost();

    public CliHome()
    {
        Root = Directory.CreateTempSubdirectory("openclaw-cli-").FullName;
        Home = Path.Combine(Root, "home");
        WorkingDirectory = Path.Combine(Root, "work");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string Root { get; }

    public string Home { get; }

    public string WorkingDirectory { get; }

    public string StateDir => Path.Combine(Home, ".openclaw");

    public string ConfigPath => Path.Combine(StateDir, "openclaw.json");

    public string AuthStorePath => Path.Combine(StateDir, "agents", "main", "agent", "auth-profiles.json");

    /// <summary>Extra environment variables for every run.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs <c>openclaw args…</c>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs <c>openclaw args…</c> with <paramref name="stdin"/> as standard input (closed afterwards).</summary>
    public async Task<CliResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        using var running = Start(args);
        if (stdin is not null)
        {
            await running.Process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
        }
        running.Process.StandardInput.Close();
        return await running.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    }

    /// <summary>Starts <c>openclaw args…</c> and returns while it runs (for tests that signal it).</summary>
    public RunningCli Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProgramPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "DOTNET_ROOT", "TMPDIR" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }
        start.Environment["HOME"] = Home;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start openclaw");
        return new RunningCli(process, string.Join(' ', args));
    }

    /// <summary>Writes <c>openclaw.json</c> as given (JSON5 allowed).</summary>
    public void WriteConfig(string text)
    {
        Directory.CreateDirectory(StateDir);
        File.WriteAllText(ConfigPath, text);
    }

    /// <summary>The config file parsed as plain JSON (what the program writes).</summary>
    public JsonObject ReadConfig() => JsonNode.Parse(File.ReadAllText(ConfigPath))!.AsObject();

    /// <summary>The auth store parsed as plain JSON.</summary>
    public JsonObject ReadAuthStore() => JsonNode.Parse(File.ReadAllText(AuthStorePath))!.AsObject();

    /// <summary>The config file's exact text.</summary>
    public string ConfigText => File.ReadAllText(ConfigPath);

    public void Dispose()
    {
        try
        {
            MakeWritable(Root);
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void MakeWritable(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        foreach (var entry in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).Prepend(directory))
        {
            try
            {
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string FindDotnetHost()
    {
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
