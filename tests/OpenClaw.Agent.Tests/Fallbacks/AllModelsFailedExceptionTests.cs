using OpenClaw.Agent.Fallbacks;

namespace OpenClaw.Agent.Tests.Fallbacks;

public sealed class AllModelsFailedExceptionTests
{
    [Fact]
    public void Several_attempts_list_each_model_message_and_reason()
    {
        ModelAttempt[] attempts =
        [
            new("openrouter/anthropic/claude-sonnet-4.6", "429 Rate limit exceeded", FailoverReason.RateLimit),
            new("openrouter/openai/gpt-5.5", "502 Provider returned error", FailoverReason.Timeout),
        ];

        var exception = new AllModelsFailedException(attempts);

        Assert.Equal(
            "All models failed (2): openrouter/anthropic/claude-sonnet-4.6: 429 Rate limit exceeded (rate_limit) | openrouter/openai/gpt-5.5: 502 Provider returned error (timeout)",
            exception.Message);
        Assert.Same(attempts, exception.Attempts);
    }

    [Fact]
    public void One_attempt_is_that_model_own_message()
    {
        var inner = new InvalidOperationException("boom");
        var exception = new AllModelsFailedException([new ModelAttempt("openrouter/openrouter/auto", "401 No auth credentials found", FailoverReason.Auth)], inner);

        Assert.Equal("401 No auth credentials found", exception.Message);
        Assert.Same(inner, exception.InnerException);
    }

    [Fact]
    public void An_unclassified_attempt_prints_without_a_reason()
    {
        var message = AllModelsFailedException.FormatMessage(
        [
            new("openrouter/a/b", "429 Slow down", FailoverReason.RateLimit),
            new("openrouter/c/d", "OpenRouter API key missing", null),
        ]);

        Assert.Equal("All models failed (2): openrouter/a/b: 429 Slow down (rate_limit) | openrouter/c/d: OpenRouter API key missing", message);
    }
}
