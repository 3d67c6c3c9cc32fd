using System.Text.Json.Nodes;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Bounds;

/// <summary>
/// The real <c>openclaw</c> process against a server that never stops sending: it ends with exit 1 and a clear error, reads
/// about the 32 MiB cap and no more, and its peak resident memory stays far below what buffering the body would take.
/// </summary>
public sealed class HostileServerProcessTests
{
    private const long Cap = 32L * 1024 * 1024;

    /// <summary>What the kernel's socket buffers may hold beyond what the client read.</summary>
    private const long SocketSlack = 16L * 1024 * 1024;

    /// <summary>A JIT-compiled run of the program needs about 100 MiB; holding a 32 MiB answer twice would pass 200.</summary>
    private const double PeakLimitMebibytes = 256;

    public static TheoryData<string, string, string> EndlessStreams => new()
    {
        { "keep-alive comments forever", "", ": OPENROUTER PROCESSING\n\n" },
        { "one event line that never ends", "data: {\"choices\":[{\"delta\":{\"content\":\"", "x" },
    };

    [Theory]
    [MemberData(nameof(EndlessStreams))]
    public async Task An_agent_turn_against_a_stream_that_never_ends_exits_1_within_the_cap(string kind, string prefix, string unit)
    {
        await using var server = new HostileServer("text/event-stream", prefix, unit);
        await using var user = await SuiteCli.StartAsync($"{nameof(HostileServerProcessTests)} {kind}");
        WriteConfig(user, server.BaseUrl);

        var (result, peak) = await RunAsync(user, "agent", "--session-id", "hostile", "-m", "hello");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("OpenRouter's answer is larger than 33554432 bytes", result.Stderr, StringComparison.Ordinal);
        Assert.InRange(server.BytesSent, Cap - 1024 * 1024, Cap + SocketSlack);
        Assert.True(peak < PeakLimitMebibytes, $"peak resident memory {peak:0} MiB ({kind})");
        Figures($"{kind}: {server.BytesSent / 1048576.0:0.0} MiB sent, peak RSS {peak:0} MiB");
    }

    [Fact]
    public async Task A_catalog_refresh_against_a_ten_gigabyte_body_stops_at_the_cap_and_falls_back_to_the_published_list()
    {
        await using var server = new HostileServer("application/json", "{\"data\":[", " ");
        await using var user = await SuiteCli.StartAsync(nameof(A_catalog_refresh_against_a_ten_gigabyte_body_stops_at_the_cap_and_falls_back_to_the_published_list));
        WriteConfig(user, server.BaseUrl);

        var (result, peak) = await RunAsync(user, "models", "list", "--refresh", "--json");

        // A failed refresh falls back to the published list with a note (spec: discovery failure is not fatal).
        Assert.Contains(server.RequestLines, line => line.StartsWith("GET /api/v1/models", StringComparison.Ordinal));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Equal("Model discovery could not refresh all providers. Showing the available published model list.", result.Stderr.Trim());
        Assert.Contains("\"openrouter/openai/gpt-5.5\"", result.Stdout, StringComparison.Ordinal);
        Assert.InRange(server.BytesSent, Cap - 1024 * 1024, Cap + SocketSlack);
        Assert.True(peak < PeakLimitMebibytes, $"peak resident memory {peak:0} MiB");
        Figures($"models list --refresh: exit {result.ExitCode}, {server.BytesSent / 1048576.0:0.0} MiB sent, peak RSS {peak:0} MiB");
    }

    [Fact]
    public async Task A_capability_catalog_that_never_ends_costs_at_most_its_64_MiB_cap_and_the_turn_still_answers()
    {
        await using var server = new HostileServer("application/json", "{\"data\":[", " ");
        await using var user = await SuiteCli.StartAsync(nameof(A_capability_catalog_that_never_ends_costs_at_most_its_64_MiB_cap_and_the_turn_still_answers));
        user.WriteConfig("""{"agents":{"defaults":{"model":{"primary":"openrouter/openai/gpt-5.5"}}}}""");
        user.Home.Environment[OpenClaw.Cli.Hosting.CapabilityCatalog.UrlVariable] = server.BaseUrl + "/models";

        var (result, peak) = await RunAsync(user, "agent", "--session-id", "catalog", "-m", "hello");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hello", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(server.RequestLines, line => line.StartsWith("GET /api/v1/models", StringComparison.Ordinal));
        Assert.InRange(server.BytesSent, 64L * 1024 * 1024 - 1024 * 1024, 64L * 1024 * 1024 + SocketSlack);
        Assert.True(peak < 384, $"peak resident memory {peak:0} MiB");
        Figures($"capability catalog: exit {result.ExitCode}, {server.BytesSent / 1048576.0:0.0} MiB sent, peak RSS {peak:0} MiB");
    }

    /// <summary>Keeps the measured figures next to the test assembly (<c>reliability-bounds.txt</c>) for the README.</summary>
    private static void Figures(string line)
    {
        lock (typeof(HostileServerProcessTests))
        {
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "reliability-bounds.txt"), line + "\n");
        }
    }

    private static void WriteConfig(SuiteCli user, string baseUrl) =>
        user.Home.WriteConfig(new JsonObject
        {
            ["agents"] = new JsonObject { ["defaults"] = new JsonObject { ["model"] = new JsonObject { ["primary"] = "openrouter/openai/gpt-5.5" } } },
            ["models"] = new JsonObject { ["providers"] = new JsonObject { ["openrouter"] = new JsonObject { ["baseUrl"] = baseUrl } } },
        }.ToJsonString());

    private static async Task<(CliResult Result, double PeakMebibytes)> RunAsync(SuiteCli user, params string[] args)
    {
        using var running = user.Home.Start(args);
        running.Process.StandardInput.Close();
        CliResult result;
        double peak;
        await using (var memory = new PeakMemory(running.Process))
        {
            result = await running.WaitAsync(TimeSpan.FromSeconds(60));
            peak = memory.PeakMebibytes;
        }
        OutputLedger.Record($"{user.Label}: process openclaw {string.Join(' ', args)}", result);
        return (result, peak);
    }
}
