using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Emulator.Tests.Host;

[CollectionDefinition(nameof(EmulatorExecutableTests), DisableParallelization = true)]
public sealed class EmulatorExecutableCollection;

/// <summary>Runs alone: start-up time is measured, and a loaded machine would measure the other tests instead.</summary>
[Collection(nameof(EmulatorExecutableTests))]
public sealed class EmulatorExecutableTests
{
    [Fact]
    public async Task Starts_in_under_a_second_prints_its_base_url_and_serves_the_api()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // Not while another test assembly runs its storm of fifty processes on the same cores.
        using var quiet = await ProcessStormLock.AcquireAsync(cancellation);
        // The first start of a freshly built program pays for the disk cache; the promise is about a warm start.
        using (var warmUp = EmulatorProcess.Start("--port", "0"))
        {
            Assert.NotNull(await warmUp.ReadLineAsync(cancellation));
        }

        var clock = Stopwatch.StartNew();
        using var emulator = EmulatorProcess.Start("--port", "0", "--foreign-port", "0");
        var baseUrl = await emulator.ReadLineAsync(cancellation);
        var startup = clock.Elapsed;

        Assert.Matches("^http://127\\.0\\.0\\.1:[0-9]+/api/v1$", baseUrl);
        Assert.True(startup < TimeSpan.FromSeconds(1), $"the base URL was printed after {startup.TotalMilliseconds:F0} ms");
        using var http = new HttpClient();
        using var models = await http.GetAsync(baseUrl + "/models", cancellation);
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        using var chat = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/chat/completions")
        {
            Content = new StringContent("""{"model":"emulator/echo","messages":[{"role":"user","content":"from a process"}]}"""),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyRegistry.DefaultKey) },
        };
        using var answer = await http.SendAsync(chat, cancellation);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync(cancellation))!;
        Assert.Equal("Echo: from a process", body["choices"]![0]!["message"]!["content"]!.GetValue<string>());

        emulator.Interrupt();
        Assert.Equal(0, await emulator.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Extra_keys_and_a_catalog_file_are_taken_from_the_command_line()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var catalog = Path.Combine(Path.GetTempPath(), $"emulator-catalog-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(catalog, """{"data":[{"id":"acme/tiny","name":"Acme Tiny","architecture":{"input_modalities":["text"],"output_modalities":["text"]},"pricing":{"prompt":"0","completion":"0"},"supported_parameters":[]}]}""", cancellation);
        try
        {
            using var emulator = EmulatorProcess.Start("--port", "0", "--key", "my-test-key", "--catalog", catalog);
            var baseUrl = await emulator.ReadLineAsync(cancellation);
            using var http = new HttpClient();
            using var chat = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/chat/completions")
            {
                Content = new StringContent("""{"model":"acme/tiny","messages":[{"role":"user","content":"hi"}]}"""),
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "my-test-key") },
            };
            using var answer = await http.SendAsync(chat, cancellation);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var ids = JsonNode.Parse(await http.GetStringAsync(baseUrl + "/models", cancellation))!["data"]!.AsArray().Select(m => m!["id"]!.GetValue<string>());
            Assert.Equal(["acme/tiny"], ids);
        }
        finally
        {
            File.Delete(catalog);
        }
    }

    [Theory]
    [InlineData("Error: ports must be between 0 and 65535.", "--port", "70000")]
    [InlineData("Error: --video-polls must be at least 1.", "--video-polls", "0")]
    [InlineData("Error: cannot read catalog /nonexistent/catalog.json: ", "--catalog", "/nonexistent/catalog.json")]
    public async Task Bad_arguments_exit_1_with_a_clear_message(string message, params string[] arguments)
    {
        using var emulator = EmulatorProcess.Start(arguments);

        var stderr = await emulator.ReadErrorAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, await emulator.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_reported_without_a_stack_trace()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var occupying = await OpenRouterEmulator.StartAsync(cancellationToken: cancellation);
        using var emulator = EmulatorProcess.Start("--port", occupying.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var stderr = await emulator.ReadErrorAsync(cancellation);

        Assert.Equal(1, await emulator.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith($"Error: cannot listen on 127.0.0.1:{occupying.BaseUrl.Port}: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
