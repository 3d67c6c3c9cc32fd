using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Emulator.Tests.Support;

/// <summary>A plain <see cref="HttpClient"/> pointed at one emulator, with the few conveniences every test wants.</summary>
internal sealed class EmulatorClient : IAsyncDisposable
{
    public const string Key = ApiKeyRegistry.DefaultKey;

    private EmulatorClient(OpenRouterEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public OpenRouterEmulator Emulator { get; }

    public HttpClient Http { get; }

    public string BaseUrl => Emulator.BaseUrl.ToString();

    public static async Task<EmulatorClient> StartAsync(EmulatorOptions? options = null)
        => new(await OpenRouterEmulator.StartAsync(options, TestContext.Current.CancellationToken));

    public HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string? key = Key, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path.StartsWith("http", StringComparison.Ordinal) ? path : BaseUrl + path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
        => Http.SendAsync(request, completion, TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> PostAsync(string path, string json, string? key = Key, params (string Name, string Value)[] headers)
        => SendAsync(Request(HttpMethod.Post, path, json, key, headers));

    public Task<HttpResponseMessage> GetAsync(string path, string? key = Key, params (string Name, string Value)[] headers)
        => SendAsync(Request(HttpMethod.Get, path, null, key, headers));

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts an OpenRouter error envelope with this status and message.</summary>
    public static async Task<JsonObject> AssertErrorAsync(HttpResponseMessage response, int status, string message, int? code = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(response);
        Assert.Equal(code ?? status, body["error"]!["code"]!.GetValue<int>());
        Assert.Equal(message, body["error"]!["message"]!.GetValue<string>());
        return body;
    }

    public static string ChatBody(string model, string text, bool stream = false, string extra = "")
        => $$"""{"model":"{{model}}","messages":[{"role":"user","content":{{JsonValue.Create(text).ToJsonString()}}}],"stream":{{(stream ? "true" : "false")}}{{(extra.Length > 0 ? "," + extra : "")}}}""";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
