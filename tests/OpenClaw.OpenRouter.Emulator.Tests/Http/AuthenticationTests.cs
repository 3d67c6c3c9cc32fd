using OpenClaw.OpenRouter.Emulator.Tests.Support;

namespace OpenClaw.OpenRouter.Emulator.Tests.Http;

/// <summary>The authentication gate every endpoint shares: missing and unknown keys, and keys that may not spend.</summary>
public sealed class AuthenticationTests
{
    public static TheoryData<string, string, string?> AuthenticatedCalls => new()
    {
        { "GET", "/key", null },
        { "GET", "/credits", null },
        { "GET", "/generation?id=gen-1", null },
        { "GET", "/videos/job-1", null },
        { "POST", "/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hi") },
        { "POST", "/images", """{"model":"google/gemini-3.1-flash-image-preview","prompt":"a fox"}""" },
        { "POST", "/videos", """{"model":"google/veo-3.1-fast","prompt":"a lake"}""" },
        { "POST", "/audio/speech", """{"model":"hexgrad/kokoro-82m","input":"hello","voice":"af_alloy","response_format":"mp3"}""" },
    };

    public static TheoryData<string, string> SpendingCalls => new()
    {
        { "/chat/completions", EmulatorClient.ChatBody("emulator/echo", "hi") },
        { "/images", """{"model":"google/gemini-3.1-flash-image-preview","prompt":"a fox"}""" },
        { "/videos", """{"model":"google/veo-3.1-fast","prompt":"a lake"}""" },
        { "/audio/speech", """{"model":"hexgrad/kokoro-82m","input":"hello","voice":"af_alloy","response_format":"mp3"}""" },
    };

    [Theory]
    [MemberData(nameof(AuthenticatedCalls))]
    public async Task No_key_is_401_no_auth_credentials_and_an_unknown_key_is_401_user_not_found(string method, string path, string? body)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var anonymous = await client.SendAsync(client.Request(new HttpMethod(method), path, body, key: null));
        using var unknown = await client.SendAsync(client.Request(new HttpMethod(method), path, body, key: "sk-or-v1-not-a-key"));

        await EmulatorClient.AssertErrorAsync(anonymous, 401, "No auth credentials found");
        await EmulatorClient.AssertErrorAsync(unknown, 401, "User not found.");
    }

    [Theory]
    [MemberData(nameof(SpendingCalls))]
    public async Task Keys_that_may_not_spend_are_refused_before_any_generation(string path, string body)
    {
        await using var client = await EmulatorClient.StartAsync();

        using var noCredits = await client.PostAsync(path, body, ApiKeyRegistry.OutOfCreditsKey);
        using var limited = await client.PostAsync(path, body, ApiKeyRegistry.KeyLimitReachedKey);

        var refused = await EmulatorClient.AssertErrorAsync(noCredits, 402, "Insufficient credits. Add more using https://openrouter.ai/credits");
        await EmulatorClient.AssertErrorAsync(limited, 403, "Key limit exceeded");
        Assert.Equal("user_emulator", refused["user_id"]!.GetValue<string>());
        Assert.False(noCredits.Headers.Contains("X-Generation-Id"));
        Assert.False(limited.Headers.Contains("X-Generation-Id"));
    }
}
