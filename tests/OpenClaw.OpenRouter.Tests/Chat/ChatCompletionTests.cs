using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.Chat;

/// <summary>Whole answers against the emulator over loopback: what is sent, and everything OpenRouter reports read back.</summary>
public sealed class ChatCompletionTests
{
    private static OpenRouterChatRequest Hi(string model = "openrouter/auto") => new() { Model = model, Messages = [OpenRouterMessage.User("hi")] };

    [Fact]
    public async Task A_non_streamed_completion_reads_text_model_provider_and_billed_cost()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Local);

        var result = await harness.Client.CompleteChatAsync(Hi(), TestContext.Current.CancellationToken);

        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/api/v1/chat/completions", sent.Path);
        Assert.Equal("Echo: hi", result.Text);
        Assert.Equal(OpenRouterStopReason.Stop, result.StopReason);
        Assert.Equal("openai/gpt-5.5", result.Model);
        Assert.Equal("openrouter/auto", result.RequestedModel);
        Assert.Equal("OpenAI", result.Provider);
        Assert.StartsWith("gen-", result.Id, StringComparison.Ordinal);
        Assert.True(result.Usage?.Cost > 0);
        Assert.Equal(OpenRouterUsage.ProviderBilled, result.Usage?.CostOrigin);
    }

    [Fact]
    public async Task A_streamed_completion_ends_with_the_whole_result()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Local);
        var text = "";
        OpenRouterChatResult? completed = null;

        await foreach (var update in harness.Client.StreamChatAsync(Hi(), TestContext.Current.CancellationToken))
        {
            text += update.Text;
            completed = update.Completed ?? completed;
        }

        Assert.Equal("Echo: hi", text);
        Assert.NotNull(completed);
        Assert.Equal("Echo: hi", completed.Text);
        Assert.Equal("openai/gpt-5.5", completed.Model);
        Assert.True(completed.Usage?.Cost > 0);
        Assert.Equal(OpenRouterUsage.ProviderBilled, completed.Usage?.CostOrigin);
    }

    [Fact]
    public async Task An_error_envelope_inside_a_200_is_a_typed_error()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Local);
        harness.Emulator.Faults.Enqueue("error-body-200; code=502", "/chat/completions");

        var error = await Assert.ThrowsAsync<OpenRouterServerException>(() => harness.Client.CompleteChatAsync(Hi("emulator/echo"), TestContext.Current.CancellationToken));

        Assert.Equal(502, error.Code);
        Assert.Equal("Provider returned error", error.ErrorMessage);
        Assert.Equal("Provider returned error", error.Message);
    }

    [Fact]
    public async Task An_unknown_key_is_an_authentication_error_with_the_status_in_the_message()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Local, options => options.ApiKey = "sk-or-v1-unknown");

        var error = await Assert.ThrowsAsync<OpenRouterAuthenticationException>(() => harness.Client.CompleteChatAsync(Hi("emulator/echo"), TestContext.Current.CancellationToken));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(401, error.Code);
        Assert.Equal("401 User not found.", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Chat_without_a_key_fails_before_sending()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Local, options => options.ApiKey = null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.CompleteChatAsync(Hi("emulator/echo"), TestContext.Current.CancellationToken));

        Assert.Equal("OpenRouter API key missing", error.Message);
        Assert.Empty(harness.ChatRequests);
    }

    [Fact]
    public void Invalid_options_are_refused_up_front()
    {
        Assert.Throws<ArgumentException>(() => new OpenRouterClient(new OpenRouterClientOptions { BaseUrl = "file:///x" }));
        Assert.Throws<ArgumentException>(() => new OpenRouterClient(new OpenRouterClientOptions { StreamIdleTimeout = TimeSpan.Zero }));
    }
}
