using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Serialization;

namespace OpenClaw.OpenRouter;

/// <summary>A client of OpenRouter's HTTP API.</summary>
/// <remarks>Thread-safe; reuse one instance. This first version covers non-streamed chat completions.</remarks>
public sealed class OpenRouterClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly OpenRouterClientOptions _options;

    public OpenRouterClient(OpenRouterClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("An OpenRouter API key is required.", nameof(options));
        }
        _options = options;
        // Timeouts belong to the caller's cancellation token: reasoning answers can take many minutes.
        _http = new HttpClient(options.Handler ?? new SocketsHttpHandler(), disposeHandler: options.Handler is null) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Sends a chat completion and returns OpenRouter's whole answer.</summary>
    /// <exception cref="OpenRouterException">OpenRouter answered with an error, also inside an HTTP 200.</exception>
    public async Task<ChatCompletion> CompleteChatAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, OpenRouterBaseUrl.Resolve(_options.BaseUrl) + "/chat/completions")
        {
            Content = JsonContent.Create(request, OpenRouterJsonContext.Default.ChatCompletionRequest),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        // OpenRouter can answer an error envelope with status 200, so the body decides, not only the status.
        var error = TryReadError(body);
        if (error is not null || !response.IsSuccessStatusCode)
        {
            throw OpenRouterException.Create(new OpenRouterErrorDetails { StatusCode = (int)response.StatusCode, Code = ReadCode(error?.Code), ErrorMessage = error?.Message ?? response.ReasonPhrase });
        }
        return JsonSerializer.Deserialize(body, OpenRouterJsonContext.Default.ChatCompletion)
            ?? throw new OpenRouterException("OpenRouter returned an empty body");
    }

    public void Dispose() => _http.Dispose();

    private static ErrorBody? TryReadError(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, OpenRouterJsonContext.Default.ErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? ReadCode(JsonElement? code) => code switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var value) => value,
        { ValueKind: JsonValueKind.String } text when int.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };
}
