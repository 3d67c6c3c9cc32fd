using System.Net;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Secrets;

/// <summary>
/// Issue 9 §4, redirects: a 3xx answer to a chat, model-list, key or generation call is a typed
/// <see cref="OpenClaw.OpenRouter.Errors.OpenRouterException"/> and is never followed — so neither the key nor the request
/// body reaches the origin the redirect names. The API origin here is a small loopback server that answers every request
/// with the redirect; its target is the emulator's foreign listener, whose journal must stay empty. The client uses the
/// default socket handler (which follows redirects unless the library stops it).
/// </summary>
public sealed class RedirectTests
{
    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var operation in new[] { "chat stream", "chat", "models", "key", "generation", "credits" })
            {
                foreach (var status in new[] { 301, 302, 303, 307, 308 })
                {
                    data.Add(operation, status);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_redirect_is_a_typed_error_and_is_not_followed(string operation, int status)
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(new EmulatorOptions { ForeignPort = 0 }, TestContext.Current.CancellationToken);
        using var server = RedirectingServer.Start(emulator.ForeignOrigin!, status);
        using var client = new OpenRouterClient(new OpenRouterClientOptions
        {
            ApiKey = SuiteKey.Value,
            BaseUrl = server.BaseUrl,
            // No live capability lookup: only the call under test meets the redirect.
            CapabilityCatalogUrl = null,
            Attribution = OpenRouterAttribution.OpenClaw,
        });

        var exception = await SecretsSweep.CatchAsync($"redirect {status} {operation}", () => SecretsSweep.LibraryOperations[operation](client));

        Assert.IsType<OpenClaw.OpenRouter.Errors.OpenRouterException>(exception, exactMatch: false);
        Assert.Null(SuiteKey.FindIn(exception.ToString()));
        Assert.Empty(emulator.Journal.Entries);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task An_agent_turn_whose_api_redirects_fails_without_following()
    {
        await using var user = await SuiteCli.StartAsync(nameof(An_agent_turn_whose_api_redirects_fails_without_following), options: new EmulatorOptions { ForeignPort = 0 });
        using var server = RedirectingServer.Start(user.Emulator.ForeignOrigin!, 307);
        user.WriteConfig("""{"agents":{"defaults":{"model":{"primary":"openrouter/emulator/echo"}}}}""");
        var config = user.Home.ReadConfig();
        config["models"]!["providers"]!["openrouter"]!["baseUrl"] = server.BaseUrl;
        user.Home.WriteConfig(config.ToJsonString());

        var result = await user.RunProcessAsync("agent", "-m", "hello", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Null(SuiteKey.FindIn(result.Stdout + result.Stderr));
        var foreign = user.Emulator.ForeignOrigin!.GetLeftPart(UriPartial.Authority);
        Assert.DoesNotContain(user.Emulator.Journal.Entries, entry => entry.Origin.TrimEnd('/') == foreign);
        Assert.Equal(1, server.Requests);
    }

    /// <summary>A loopback HTTP server that answers every request with <c>status</c> and <c>Location: target + path</c>.</summary>
    private sealed class RedirectingServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _requests;

        private RedirectingServer(Uri target, int status, int port)
        {
            BaseUrl = $"http://127.0.0.1:{port}/api/v1";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }
                    Interlocked.Increment(ref _requests);
                    context.Response.StatusCode = status;
                    context.Response.RedirectLocation = new Uri(target, context.Request.Url!.PathAndQuery).AbsoluteUri;
                    context.Response.Close();
                }
            });
        }

        public string BaseUrl { get; }

        public int Requests => Volatile.Read(ref _requests);

        public static RedirectingServer Start(Uri target, int status)
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new RedirectingServer(target, status, port);
        }

        public void Dispose() => _listener.Close();
    }
}
