using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Secrets;

/// <summary>
/// Issue 9 §4 at the library level: every typed error <see cref="OpenRouterClient"/> throws for an authentication, HTTP or
/// network failure — and what .NET itself says about a key it cannot put in a header (a newline, a non-ASCII character, a
/// space) — is free of the key in <see cref="Exception.ToString"/> (message, inner exceptions, stack). Each is recorded
/// in the <see cref="OutputLedger"/> as well.
/// </summary>
public sealed class LibraryExceptionTests
{
    /// <summary>The operations that send the key, each reduced to "call it and let it throw".</summary>
    public static TheoryData<string> Operations => new(SecretsSweep.LibraryOperations.Keys);

    /// <summary>The operations OpenRouter answers 401 to (the model list is public).</summary>
    public static TheoryData<string> AuthenticatedOperations => new(SecretsSweep.AuthenticatedOperations);

    /// <summary>Keys .NET refuses in a header value, each still carrying two 32-character halves of the suite key's secret.</summary>
    public static TheoryData<string, string> MalformedKeys => new()
    {
        { "newline", "sk-or-v1-" + SuiteKey.SecretPart[..32] + "\n" + SuiteKey.SecretPart[32..] },
        { "carriage return", "sk-or-v1-" + SuiteKey.SecretPart[..32] + "\r\n" + SuiteKey.SecretPart[32..] },
        { "non-ASCII", "sk-or-v1-" + SuiteKey.SecretPart[..32] + "é" + SuiteKey.SecretPart[32..] },
        { "space", "sk-or-v1-" + SuiteKey.SecretPart[..32] + " " + SuiteKey.SecretPart[32..] },
        { "NUL", "sk-or-v1-" + SuiteKey.SecretPart[..32] + "\0" + SuiteKey.SecretPart[32..] },
        { "tab", "sk-or-v1-" + SuiteKey.SecretPart[..32] + "\t" + SuiteKey.SecretPart[32..] },
    };

    [Theory]
    [MemberData(nameof(AuthenticatedOperations))]
    public async Task A_rejected_key_is_a_401_authentication_error_without_the_key(string operation)
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(new EmulatorOptions { AcceptWellFormedKeys = false, ForeignPort = 0 }, TestContext.Current.CancellationToken);
        using var client = SecretsSweep.Client(emulator, SuiteKey.Value);

        var exception = await SecretsSweep.CatchAsync($"library 401 {operation}", () => SecretsSweep.LibraryOperations[operation](client));

        var error = Assert.IsType<OpenRouterAuthenticationException>(exception, exactMatch: false);
        Assert.Equal(401, error.StatusCode);
        Assert.Null(SuiteKey.FindIn(exception.ToString()));
        Assert.Contains(emulator.Journal.Entries, entry => entry.Header("Authorization") == "Bearer " + SuiteKey.Value);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_403_is_a_permission_error_without_the_key(string operation)
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(new EmulatorOptions { ForeignPort = 0 }, TestContext.Current.CancellationToken);
        foreach (var path in new[] { "/chat/completions", "/key", "/models", "/generation", "/audio/speech", "/videos", "/credits" })
        {
            emulator.Faults.Enqueue("status; code=403; message=Forbidden for this key", path, model: null, times: 10);
        }
        using var client = SecretsSweep.Client(emulator, SuiteKey.Value);

        var exception = await SecretsSweep.CatchAsync($"library 403 {operation}", () => SecretsSweep.LibraryOperations[operation](client));

        Assert.IsType<OpenRouterException>(exception, exactMatch: false);
        Assert.Null(SuiteKey.FindIn(exception.ToString()));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_refused_connection_is_a_network_error_without_the_key(string operation)
    {
        // A port that was just free: nothing listens there.
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        using var client = new OpenRouterClient(new OpenRouterClientOptions
        {
            ApiKey = SuiteKey.Value,
            BaseUrl = $"http://127.0.0.1:{port}/api/v1",
            CapabilityCatalogUrl = new Uri($"http://127.0.0.1:{port}/api/v1/models"),
            AllowPrivateNetwork = true,
        });

        var exception = await SecretsSweep.CatchAsync($"library refused {operation}", () => SecretsSweep.LibraryOperations[operation](client));

        Assert.IsType<OpenRouterException>(exception, exactMatch: false);
        Assert.Null(SuiteKey.FindIn(exception.ToString()));
    }

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task A_key_dotnet_refuses_in_a_header_fails_without_echoing_the_key_on_every_operation(string what, string key)
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(new EmulatorOptions { ForeignPort = 0 }, TestContext.Current.CancellationToken);
        var failures = 0;
        foreach (var (operation, call) in SecretsSweep.LibraryOperations)
        {
            using var client = SecretsSweep.Client(emulator, key);
            var exception = await SecretsSweep.CatchAsync($"library malformed key ({what}) {operation}", () => call(client), allowSuccess: true);
            if (exception is not null)
            {
                failures++;
                Assert.True(SuiteKey.FindIn(exception.ToString()) is null, $"{operation} with a key containing a {what}: {exception}");
            }
        }
        // Whatever reached the emulator is a request it refused or answered; the leak question is only about what was thrown.
        Assert.True(failures > 0, $"a key with a {what} was accepted by every operation");
    }

    [Fact]
    public async Task A_key_dotnet_refuses_in_a_header_is_still_reported_as_a_typed_error()
    {
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = SecretsSweep.Client(emulator, "sk-or-v1-" + SuiteKey.SecretPart[..32] + "\n" + SuiteKey.SecretPart[32..]);

        var exception = await SecretsSweep.CatchAsync("library newline key chat", () => SecretsSweep.LibraryOperations["chat stream"](client));

        // The header goes out as written and the server refuses the request: a typed error, never .NET's raw exception.
        Assert.IsType<OpenRouterException>(exception, exactMatch: false);
        Assert.Null(SuiteKey.FindIn(exception.ToString()));
    }

    [Theory]
    [InlineData("user info")]
    [InlineData("query")]
    [InlineData("fragment")]
    [InlineData("scheme")]
    public void An_invalid_base_url_with_the_key_in_it_is_refused_without_echoing_the_key(string where)
    {
        var baseUrl = where switch
        {
            "user info" => $"https://user:{SuiteKey.Value}@openrouter.ai/api/v1",
            "query" => $"https://openrouter.ai/api/v1?key={SuiteKey.Value}",
            "fragment" => $"https://openrouter.ai/api/v1#{SuiteKey.Value}",
            _ => $"ftp://{SuiteKey.Value}.example/api/v1",
        };

        var exception = Record.Exception(() =>
        {
            using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = SuiteKey.Value, BaseUrl = baseUrl });
        });

        OutputLedger.Record($"library invalid base url ({where})", exception);
        Assert.IsType<ArgumentException>(exception);
        Assert.True(SuiteKey.FindIn(exception.ToString()) is null, exception.ToString());
    }
}
