using OpenClaw.Cli.Hosting;
using OpenClaw.Cli.Tests.Support;
using Spectre.Console.Testing;

namespace OpenClaw.Cli.Tests.Commands.Onboard;

/// <summary>
/// The seed page's own command, <c>openclaw onboard --auth-choice openrouter-api-key</c>, at a terminal: run in process with a
/// scripted console standing in for the person typing.
/// </summary>
public sealed class InteractiveOnboardingTests : IDisposable
{
    private const string Key = "sk-or-v1-0123456789abcdef0123456789abcdef";

    private readonly CliHome _home = new();

    public void Dispose() => _home.Dispose();

    private async Task<(int ExitCode, string Stdout, string Stderr, string Prompts)> RunAsync(TestConsole console, Dictionary<string, string>? environment = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = new Dictionary<string, string>(environment ?? [], StringComparer.Ordinal) { ["HOME"] = _home.Home };
        var context = new CliContext
        {
            Out = stdout,
            Error = stderr,
            In = TextReader.Null,
            IsInteractive = true,
            Environment = env,
            WorkingDirectory = _home.WorkingDirectory,
            PromptConsole = () => console,
        };
        var exitCode = await CliApplication.RunAsync(["onboard", "--auth-choice", "openrouter-api-key"], context, TestContext.Current.CancellationToken);
        return (exitCode, stdout.ToString(), stderr.ToString(), console.Output);
    }

    [Fact]
    public async Task Prompts_for_the_key_without_echoing_it()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter(Key);

        var (exitCode, stdout, _, prompts) = await RunAsync(console);

        Assert.Equal(0, exitCode);
        Assert.Contains("Enter OpenRouter API key", prompts, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, prompts, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, stdout, StringComparison.Ordinal);
        Assert.Equal(Key, (string?)_home.ReadAuthStore()["profiles"]!["openrouter:default"]!["key"]);
        Assert.Equal("openrouter/auto", (string?)_home.ReadConfig()["agents"]!["defaults"]!["model"]!["primary"]);
    }

    [Fact]
    public async Task Offers_the_key_from_the_environment()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("y");

        var (exitCode, _, _, prompts) = await RunAsync(console, new() { ["OPENROUTER_API_KEY"] = Key });

        Assert.Equal(0, exitCode);
        Assert.Contains("Use OPENROUTER_API_KEY from the environment (sk-or-v1…)?", prompts, StringComparison.Ordinal);
        Assert.Equal(Key, (string?)_home.ReadAuthStore()["profiles"]!["openrouter:default"]!["key"]);
    }

    [Fact]
    public async Task Declining_the_environment_key_asks_for_another()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("n");
        console.Input.PushTextWithEnter("sk-or-v1-typed-by-hand-0123456789");

        var (exitCode, _, _, _) = await RunAsync(console, new() { ["OPENROUTER_API_KEY"] = Key });

        Assert.Equal(0, exitCode);
        Assert.Equal("sk-or-v1-typed-by-hand-0123456789", (string?)_home.ReadAuthStore()["profiles"]!["openrouter:default"]!["key"]);
    }
}
