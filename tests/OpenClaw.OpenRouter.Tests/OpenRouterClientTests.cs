using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.OpenRouter.Tests;

public sealed class OpenRouterClientTests
{
    [Fact]
    public async Task Chat_completion_sends_exactly_the_request_and_reads_what_OpenRouter_reports()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: cancellation);
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = ApiKeyRegistry.DefaultKey, BaseUrl = emulator.BaseUrl + "/" });

        var completion = await client.CompleteChatAsync(new ChatCompletionRequest("openrouter/auto", [new ChatMessage("user", "hi")]), cancellation);

        var sent = Assert.Single(emulator.Journal.Entries);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/api/v1/chat/completions", sent.Path);
        Assert.Equal("""{"model":"openrouter/auto","messages":[{"role":"user","content":"hi"}],"stream":false}""", sent.BodyText);
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, sent.Header("Authorization"));
        Assert.Equal("application/json", sent.Header("Accept"));
        Assert.Equal("application/json; charset=utf-8", sent.Header("Content-Type"));
        Assert.Equal("Echo: hi", completion.Choices[0].Message?.Content);
        Assert.Equal("stop", completion.Choices[0].FinishReason);
        Assert.Equal("openai/gpt-5.5", completion.Model);
        Assert.Equal("OpenAI", completion.Provider);
        Assert.True(completion.Usage?.Cost > 0);
        Assert.True(completion.Choices[0].Message!.AdditionalProperties!.ContainsKey("reasoning_details"));
    }

    [Fact]
    public async Task Error_envelopes_become_typed_exceptions_also_inside_a_200()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var emulator = await OpenRouterEmulator.StartAsync(cancellationToken: cancellation);
        using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = ApiKeyRegistry.DefaultKey, BaseUrl = emulator.BaseUrl.AbsoluteUri });
        using var unknownKey = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = "sk-or-v1-unknown", BaseUrl = emulator.BaseUrl.AbsoluteUri });
        var request = new ChatCompletionRequest("emulator/echo", [new ChatMessage("user", "hi")]);
        emulator.Faults.Enqueue("error-body-200; code=502");

        var inBand = await Assert.ThrowsAsync<OpenRouterException>(() => client.CompleteChatAsync(request, cancellation));
        var unauthorized = await Assert.ThrowsAsync<OpenRouterException>(() => unknownKey.CompleteChatAsync(request, cancellation));

        Assert.Equal(200, inBand.StatusCode);
        Assert.Equal(200, inBand.Code);
        Assert.Equal("Provider returned error", inBand.ErrorMessage);
        Assert.Equal(401, unauthorized.StatusCode);
        Assert.Equal(401, unauthorized.Code);
        Assert.Equal("401 User not found.", unauthorized.Message);
    }

    [Fact]
    public void A_missing_key_is_refused_up_front()
    {
        var exception = Assert.Throws<ArgumentException>(() => new OpenRouterClient(new OpenRouterClientOptions()));

        Assert.StartsWith("An OpenRouter API key is required.", exception.Message, StringComparison.Ordinal);
    }
}
