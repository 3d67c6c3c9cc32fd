using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.Reliability.Tests.Support;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>
/// The fuzz findings of the stream path (a key given twice, a lone surrogate, bytes that are not UTF-8, a huge
/// <c>retry_after_seconds</c>) sent as a whole JSON answer instead: still only typed errors.
/// </summary>
public sealed class WholeAnswerRegressionTests
{
    public static TheoryData<string, byte[]> BrokenAnswers => new()
    {
        { "a key given twice in a kept item", Encoding.UTF8.GetBytes("""{"choices":[{"message":{"content":"hi","reasoning_details":[{"type":"reasoning.text","text":"a","text":"b"}]},"finish_reason":"stop"}]}""") },
        { "a lone surrogate in a kept item", Encoding.UTF8.GetBytes("""{"choices":[{"message":{"content":"hi","reasoning_details":[{"type":"reasoning.text","text":"\ud800"}]},"finish_reason":"stop"}]}""") },
        { "bytes that are not UTF-8", [.. Encoding.UTF8.GetBytes("""{"choices":[{"message":{"content":"h"""), 0xB8, .. Encoding.UTF8.GetBytes("""i"},"finish_reason":"stop"}]}""")] },
    };

    [Theory]
    [MemberData(nameof(BrokenAnswers))]
    public async Task A_whole_chat_answer_that_cannot_be_read_back_is_the_not_JSON_error(string kind, byte[] body)
    {
        using var client = Client(HttpStatusCode.OK, body);

        var error = await Record.ExceptionAsync(() => client.CompleteChatAsync(Chat(), TestContext.Current.CancellationToken));

        OutputLedger.Record($"{nameof(WholeAnswerRegressionTests)} {kind}", error);
        Assert.IsType<OpenRouterException>(error);
        Assert.Equal("OpenRouter returned a body that is not JSON.", error.Message);
    }

    [Fact]
    public async Task A_retry_after_too_large_for_a_time_span_leaves_retry_after_unset()
    {
        // TimeSpan.FromSeconds(1e300) threw OverflowException out of the error reader.
        var body = Encoding.UTF8.GetBytes("""{"error":{"code":429,"message":"slow down","metadata":{"retry_after_seconds":1e300}}}""");
        using var client = Client(HttpStatusCode.TooManyRequests, body);

        var error = await Assert.ThrowsAsync<OpenRouterRateLimitException>(() => client.CompleteChatAsync(Chat(), TestContext.Current.CancellationToken));

        OutputLedger.Record(nameof(A_retry_after_too_large_for_a_time_span_leaves_retry_after_unset), error);
        Assert.Equal("429 slow down", error.Message);
        Assert.Null(error.RetryAfter);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("Infinity")]
    public async Task A_retry_after_header_too_large_for_a_time_span_leaves_retry_after_unset(string header)
    {
        using var client = Client(HttpStatusCode.TooManyRequests, Encoding.UTF8.GetBytes("""{"error":{"code":429,"message":"slow down"}}"""), header);

        var error = await Assert.ThrowsAsync<OpenRouterRateLimitException>(() => client.CompleteChatAsync(Chat(), TestContext.Current.CancellationToken));

        OutputLedger.Record(nameof(A_retry_after_header_too_large_for_a_time_span_leaves_retry_after_unset), error);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task A_catalog_answer_with_a_key_given_twice_is_the_not_JSON_error()
    {
        using var client = Client(HttpStatusCode.OK, Encoding.UTF8.GetBytes("""{"data":{"label":"a","label":"b"}}"""));

        var error = await Record.ExceptionAsync(() => client.GetKeyAsync(TestContext.Current.CancellationToken));

        OutputLedger.Record(nameof(A_catalog_answer_with_a_key_given_twice_is_the_not_JSON_error), error);
        Assert.IsType<OpenRouterException>(error);
        Assert.Equal("OpenRouter returned a body that is not JSON from /v1/key.", error.Message);
    }

    private static OpenRouterChatRequest Chat() => new() { Model = "openai/gpt-5.5", Messages = [OpenRouterMessage.User("hello")] };

    private static OpenRouterClient Client(HttpStatusCode status, byte[] body, string? retryAfter = null) => new(new OpenRouterClientOptions
    {
        ApiKey = SuiteKey.Value,
        BaseUrl = "https://proxy.example.com/v1",
        CapabilityCatalogUrl = null,
        Handler = new FixedAnswer(status, body, retryAfter),
    });

    private sealed class FixedAnswer(HttpStatusCode status, byte[] body, string? retryAfter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = new HttpResponseMessage(status) { Content = content, RequestMessage = request };
            if (retryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }
            return Task.FromResult(response);
        }
    }
}
