using System.IO.Pipelines;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Tests.Support;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.OpenRouter.Tests.Transport;

/// <summary>Retries, time limits and cancellation with an in-process handler and a fake clock: nothing sleeps.</summary>
public sealed class ResilienceTests
{
    private const string Answer = "data: {\"id\":\"gen-1\",\"model\":\"openai/gpt-5.5\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    private static readonly OpenRouterRetryOptions ThreeRetries = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), UseJitter = false };

    private static OpenRouterChatRequest Request() => new()
    {
        Model = "openai/gpt-5.5",
        Messages = [OpenRouterMessage.User("hi")],
        ModelInfo = new OpenRouterModelInfo { Id = "openai/gpt-5.5" },
    };

    private static (OpenRouterClient Client, FakeTimeProvider Time) Client(ScriptedHandler handler, OpenRouterRetryOptions? retry = null, TimeSpan? idle = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var client = new OpenRouterClient(new OpenRouterClientOptions
        {
            ApiKey = "sk-or-v1-test",
            Handler = handler,
            TimeProvider = time,
            Retry = retry ?? OpenRouterRetryOptions.None,
            ResponseHeadersTimeout = TimeSpan.FromSeconds(10),
            StreamIdleTimeout = idle ?? TimeSpan.FromSeconds(30),
            CapabilityCatalogUrl = null,
        });
        return (client, time);
    }

    private static string Envelope(HttpStatusCode status, string message) =>
        "{\"error\":{\"code\":" + (int)status + ",\"message\":\"" + message + "\"}}";

    private static HttpResponseMessage Sse(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/event-stream") };

    private static async Task<OpenRouterChatResult> CollectAsync(OpenRouterClient client, CancellationToken cancellationToken = default)
    {
        OpenRouterChatResult? result = null;
        await foreach (var update in client.StreamChatAsync(Request(), cancellationToken))
        {
            result = update.Completed ?? result;
        }
        return result!;
    }

    /// <summary>Advances the fake clock in small steps until the task ends (retry delays and timers run on it).</summary>
    private static async Task<T> DriveAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan step, int maxSteps = 1000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            time.Advance(step);
        }
        return await task;
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData((HttpStatusCode)524)]
    [InlineData((HttpStatusCode)529)]
    public async Task Transient_statuses_are_retried_when_retries_are_enabled(HttpStatusCode status)
    {
        var handler = new ScriptedHandler()
            .ThenStatus(status, Envelope(status, "try later"))
            .Then((_, _) => Task.FromResult(Sse(Answer)));
        var (client, time) = Client(handler, ThreeRetries);

        var result = await DriveAsync(CollectAsync(client, TestContext.Current.CancellationToken), time, TimeSpan.FromMilliseconds(500));

        Assert.Equal("ok", result.Text);
        Assert.Equal(2, handler.Attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, typeof(OpenRouterBadRequestException))]
    [InlineData(HttpStatusCode.Unauthorized, typeof(OpenRouterAuthenticationException))]
    [InlineData(HttpStatusCode.PaymentRequired, typeof(OpenRouterPaymentRequiredException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(OpenRouterPermissionDeniedException))]
    public async Task Client_errors_are_never_retried(HttpStatusCode status, Type expected)
    {
        var handler = new ScriptedHandler().ThenStatus(status, Envelope(status, "no"));
        var (client, _) = Client(handler, ThreeRetries);

        var error = await Assert.ThrowsAnyAsync<OpenRouterException>(() => CollectAsync(client, TestContext.Current.CancellationToken));

        Assert.IsType(expected, error);
        Assert.Equal($"{(int)status} no", error.Message);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task By_default_a_call_is_one_attempt()
    {
        var handler = new ScriptedHandler().ThenStatus(HttpStatusCode.TooManyRequests, """{"error":{"code":429,"message":"Rate limit exceeded"}}""");
        var (client, _) = Client(handler);

        var error = await Assert.ThrowsAsync<OpenRouterRateLimitException>(() => CollectAsync(client, TestContext.Current.CancellationToken));

        Assert.True(error.IsTransient);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task Retry_after_is_honoured_instead_of_the_backoff()
    {
        var handler = new ScriptedHandler()
            .ThenStatus(HttpStatusCode.TooManyRequests, """{"error":{"code":429,"message":"Rate limit exceeded"}}""", response => response.Headers.Add("Retry-After", "20"))
            .Then((_, _) => Task.FromResult(Sse(Answer)));
        var (client, time) = Client(handler, ThreeRetries);
        var started = time.GetUtcNow();

        var task = CollectAsync(client, TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, handler.Attempts);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await DriveAsync(task, time, TimeSpan.FromMilliseconds(100));

        Assert.Equal("ok", result.Text);
        Assert.Equal(2, handler.Attempts);
        Assert.True(time.GetUtcNow() - started >= TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_max_delay_gives_up_at_once()
    {
        var handler = new ScriptedHandler()
            .ThenStatus(HttpStatusCode.ServiceUnavailable, """{"error":{"code":503,"message":"Service temporarily unavailable"}}""", response => response.Headers.Add("Retry-After", "3600"));
        var (client, _) = Client(handler, ThreeRetries);

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => CollectAsync(client, TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task Connection_failures_before_a_response_are_network_errors_and_retried()
    {
        var handler = new ScriptedHandler()
            .ThenThrow(new HttpRequestException("Connection refused", new IOException("refused")))
            .Then((_, _) => Task.FromResult(Sse(Answer)));
        var (client, time) = Client(handler, ThreeRetries);

        var result = await DriveAsync(CollectAsync(client, TestContext.Current.CancellationToken), time, TimeSpan.FromMilliseconds(500));

        Assert.Equal("ok", result.Text);
        Assert.Equal(2, handler.Attempts);
    }

    [Fact]
    public async Task A_connection_failure_says_network_connection_error()
    {
        var handler = new ScriptedHandler().ThenThrow(new HttpRequestException("Name or service not known"));
        var (client, _) = Client(handler);

        var error = await Assert.ThrowsAsync<OpenRouterNetworkException>(() => CollectAsync(client, TestContext.Current.CancellationToken));

        Assert.Equal("LLM request failed: network connection error.", error.Message);
        Assert.True(error.BeforeResponse);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task No_response_headers_in_time_is_a_timeout()
    {
        var handler = new ScriptedHandler().ThenHang();
        var (client, time) = Client(handler);

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => DriveAsync(CollectAsync(client, TestContext.Current.CancellationToken), time, TimeSpan.FromSeconds(1)));

        Assert.Equal(OpenRouterTimeoutKind.ResponseHeaders, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_silent_stream_is_abandoned_by_the_idle_watchdog_keeping_the_partial_answer_and_never_retried()
    {
        var pipe = new Pipe();
        var handler = new ScriptedHandler().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(pipe.Reader.AsStream()) }));
        var (client, time) = Client(handler, ThreeRetries, idle: TimeSpan.FromSeconds(30));
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(": OPENROUTER PROCESSING\n\ndata: {\"id\":\"gen-1\",\"model\":\"openai/gpt-5.5\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"partial\"},\"finish_reason\":null}]}\n\n"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<OpenRouterTimeoutException>(() => DriveAsync(CollectAsync(client, TestContext.Current.CancellationToken), time, TimeSpan.FromSeconds(5)));

        Assert.Equal(OpenRouterTimeoutKind.StreamIdle, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Equal("partial", error.PartialResult?.Text);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task Keep_alive_comments_keep_a_slow_stream_alive()
    {
        var pipe = new Pipe();
        var handler = new ScriptedHandler().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(pipe.Reader.AsStream()) }));
        var (client, time) = Client(handler, idle: TimeSpan.FromSeconds(30));
        var task = CollectAsync(client, TestContext.Current.CancellationToken);

        for (var i = 0; i < 10; i++)
        {
            // Ten minutes of keep-alives, each inside the idle limit: a long reasoning stream is never cut by a wall clock.
            await pipe.Writer.WriteAsync(": OPENROUTER PROCESSING\n\n"u8.ToArray(), TestContext.Current.CancellationToken);
            await Task.Delay(20, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromSeconds(25));
        }
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(Answer), TestContext.Current.CancellationToken);
        await pipe.Writer.CompleteAsync();

        Assert.Equal("ok", (await task).Text);
    }

    [Fact]
    public async Task Cancelling_stops_the_request_at_once()
    {
        var handler = new ScriptedHandler().ThenHang();
        var (client, _) = Client(handler);
        using var cancellation = new CancellationTokenSource();

        var task = CollectAsync(client, cancellation.Token);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }
}
