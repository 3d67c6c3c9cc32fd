using OpenClaw.Agent.Fallbacks;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.Agent.Tests.Fallbacks;

public sealed class FailoverClassifierTests
{
    private static OpenRouterException Http(int status, string message) =>
        OpenRouterException.Create(new OpenRouterErrorDetails { StatusCode = status, Code = status, ErrorMessage = message });

    [Theory]
    [InlineData(429, "Rate limit exceeded", "rate_limit")]
    [InlineData(402, "Payment required", "billing")]
    [InlineData(400, "Insufficient credits. Add more using https://openrouter.ai/credits", "billing")]
    [InlineData(403, "Key limit exceeded", "billing")]
    [InlineData(403, "API key budget limit reached", "billing")]
    [InlineData(403, "key LIMIT hit", "billing")]
    [InlineData(400, "Provider returned error", "timeout")]
    [InlineData(429, "Provider returned error", "timeout")]
    [InlineData(408, "Request timeout", "timeout")]
    [InlineData(500, "Internal Server Error", "timeout")]
    [InlineData(502, "Bad gateway", "timeout")]
    [InlineData(503, "Service temporarily unavailable", "timeout")]
    [InlineData(504, "Gateway timeout", "timeout")]
    [InlineData(524, "A timeout occurred", "timeout")]
    [InlineData(529, "Overloaded", "timeout")]
    [InlineData(404, "No endpoints found that support tool use", "model_not_found")]
    [InlineData(404, "Model not found", "model_not_found")]
    [InlineData(401, "No auth credentials found", "auth")]
    [InlineData(403, "Forbidden", "auth")]
    [InlineData(400, "Invalid request parameters", "format")]
    [InlineData(422, "Unprocessable", "format")]
    public void Http_errors_are_classified_by_message_rules_then_status(int status, string message, string expected)
    {
        Assert.Equal(new FailoverReason(expected), FailoverClassifier.Classify(Http(status, message)));
    }

    [Fact]
    public void Only_rate_limit_billing_timeout_and_model_not_found_advance_the_chain()
    {
        Assert.True(FailoverReason.RateLimit.AdvancesChain);
        Assert.True(FailoverReason.Billing.AdvancesChain);
        Assert.True(FailoverReason.Timeout.AdvancesChain);
        Assert.True(FailoverReason.ModelNotFound.AdvancesChain);
        Assert.False(FailoverReason.Auth.AdvancesChain);
        Assert.False(FailoverReason.Format.AdvancesChain);
    }

    [Fact]
    public void Local_timeouts_and_network_failures_are_timeouts()
    {
        Assert.Equal(FailoverReason.Timeout, FailoverClassifier.Classify(new OpenRouterTimeoutException("OpenRouter sent nothing for 1 s.") { Kind = OpenRouterTimeoutKind.StreamIdle }));
        Assert.Equal(FailoverReason.Timeout, FailoverClassifier.Classify(new OpenRouterNetworkException(new HttpRequestException("refused")) { BeforeResponse = true }));
    }

    [Fact]
    public void A_mid_stream_error_chunk_is_a_timeout_whatever_its_code()
    {
        var partial = new OpenRouterChatResult { Text = "half", StopReason = OpenRouterStopReason.Error, ErrorMessage = "Upstream overloaded" };
        var withoutCode = OpenRouterException.Create(new OpenRouterErrorDetails { StatusCode = 200, ErrorMessage = "Upstream overloaded", InBand = true }, partial);
        var withBadRequestCode = OpenRouterException.Create(new OpenRouterErrorDetails { StatusCode = 200, Code = 400, ErrorMessage = "Upstream refused", InBand = true }, partial);

        Assert.Equal(FailoverReason.Timeout, FailoverClassifier.Classify(withoutCode));
        Assert.Equal(FailoverReason.Timeout, FailoverClassifier.Classify(withBadRequestCode));
    }

    [Fact]
    public void A_stream_that_ended_without_a_finish_reason_is_a_timeout()
    {
        var partial = OpenRouterException.Create(OpenRouterErrorDetails.Empty, new OpenRouterChatResult { Text = "half" });

        Assert.Equal(FailoverReason.Timeout, FailoverClassifier.Classify(partial));
    }

    [Fact]
    public void Anything_that_is_not_an_openrouter_error_is_unclassified()
    {
        Assert.Null(FailoverClassifier.Classify(new OperationCanceledException()));
        Assert.Null(FailoverClassifier.Classify(new InvalidOperationException("OpenRouter API key missing")));
        Assert.Null(FailoverClassifier.Classify(new OpenRouterException("OpenRouter returned a body that is not JSON.")));
    }
}
