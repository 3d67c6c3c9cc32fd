using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Speech;
using OpenClaw.OpenRouter.Tests.Support;

namespace OpenClaw.OpenRouter.Tests.Speech;

/// <summary><c>POST {base}/audio/speech</c> as it goes out (provider spec §17): the exact body and headers on every route.</summary>
public sealed class SpeechWireTests
{
    private const string Categories = "cli-agent,cloud-agent,programming-app,creative-writing,writing-assistant,general-chat,personal-agent";

    [Fact]
    public async Task Defaults_send_kokoro_af_alloy_and_mp3_in_the_spec_order()
    {
        await using var harness = await ClientHarness.StartAsync();

        await harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there" }, TestContext.Current.CancellationToken);

        var entry = Assert.Single(harness.Emulator.Journal.For("/audio/speech"));
        Assert.Equal("POST", entry.Method);
        Assert.Equal("/api/v1/audio/speech", entry.Path);
        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_alloy","response_format":"mp3"}""", entry.BodyText);
    }

    [Fact]
    public async Task Every_option_is_sent_in_the_spec_order()
    {
        await using var harness = await ClientHarness.StartAsync();

        await harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest
        {
            Input = "Hello there",
            Model = "hexgrad/kokoro-82m",
            Voice = "af_bella",
            ResponseFormat = OpenRouterSpeechFormat.Pcm,
            Speed = 1.25,
            Provider = JsonNode.Parse("""{"order":["deepinfra"],"allow_fallbacks":false}""")!.AsObject(),
        }, TestContext.Current.CancellationToken);

        Assert.Equal(
            """{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_bella","response_format":"pcm","speed":1.25,"provider":{"order":["deepinfra"],"allow_fallbacks":false}}""",
            Assert.Single(harness.Emulator.Journal.For("/audio/speech")).BodyText);
    }

    [Theory]
    [InlineData(1.0, """{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_alloy","response_format":"mp3","speed":1}""")]
    [InlineData(0.25, """{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_alloy","response_format":"mp3","speed":0.25}""")]
    public async Task Speed_alone_is_added_after_the_format(double speed, string body)
    {
        await using var harness = await ClientHarness.StartAsync();

        await harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there", Speed = speed }, TestContext.Current.CancellationToken);

        Assert.Equal(body, Assert.Single(harness.Emulator.Journal.For("/audio/speech")).BodyText);
    }

    [Fact]
    public async Task Provider_alone_is_added_after_the_format()
    {
        await using var harness = await ClientHarness.StartAsync();

        await harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest
        {
            Input = "Hello there",
            Provider = new JsonObject { ["order"] = new JsonArray("deepinfra") },
        }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"model":"hexgrad/kokoro-82m","input":"Hello there","voice":"af_alloy","response_format":"mp3","provider":{"order":["deepinfra"]}}""",
            Assert.Single(harness.Emulator.Journal.For("/audio/speech")).BodyText);
    }

    [Fact]
    public async Task Model_and_voice_are_trimmed_and_passed_through_and_text_is_sent_unescaped()
    {
        await using var harness = await ClientHarness.StartAsync();

        await harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest
        {
            Input = "Grüß dich — \"quoted\" 日本",
            Model = " elevenlabs/eleven-turbo-v2 ",
            Voice = "Rachel",
        }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"model":"elevenlabs/eleven-turbo-v2","input":"Grüß dich — \"quoted\" 日本","voice":"Rachel","response_format":"mp3"}""",
            Assert.Single(harness.Emulator.Journal.For("/audio/speech")).BodyText);
    }

    [Theory]
    [InlineData(TestRoute.Canonical, "https://openrouter.ai/api/v1/audio/speech", true)]
    [InlineData(TestRoute.OtherOpenRouterHost, "https://eu.openrouter.ai/api/v1/audio/speech", true)]
    [InlineData(TestRoute.Custom, "https://proxy.example.com/v1/audio/speech", false)]
    [InlineData(TestRoute.Local, null, false)]
    public async Task Headers_carry_the_key_and_attribution_and_categories_only_on_an_OpenRouter_endpoint(TestRoute route, string? url, bool categories)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        await harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there" }, TestContext.Current.CancellationToken);

        var entry = Assert.Single(harness.Emulator.Journal.For("/audio/speech"));
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, entry.Header("Authorization"));
        Assert.Equal("application/json", entry.Header("Content-Type"));
        Assert.Equal("https://openclaw.ai", entry.Header("HTTP-Referer"));
        Assert.Equal("OpenClaw", entry.Header("X-OpenRouter-Title"));
        Assert.Equal(categories ? Categories : null, entry.Header("X-OpenRouter-Categories"));
        Assert.Null(entry.Header("X-Title"));
        Assert.Equal(url ?? harness.Emulator.BaseUrl.AbsoluteUri + "/audio/speech", Assert.Single(harness.Handler.Requested).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://openrouter.ai/v1")]
    [InlineData("https://openrouter.ai/v1/")]
    [InlineData("https://openrouter.ai/api/v1///")]
    public async Task A_legacy_or_slashed_base_is_canonicalised(string baseUrl)
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.BaseUrl = baseUrl);

        await harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there" }, TestContext.Current.CancellationToken);

        Assert.Equal("https://openrouter.ai/api/v1/audio/speech", Assert.Single(harness.Handler.Requested).AbsoluteUri);
        Assert.Equal(Categories, Assert.Single(harness.Emulator.Journal.For("/audio/speech")).Header("X-OpenRouter-Categories"));
    }

    [Fact]
    public async Task Without_attribution_only_the_key_and_content_type_go_out()
    {
        await using var harness = await ClientHarness.StartAsync(configure: options => options.Attribution = null);

        await harness.Client.SynthesizeSpeechAsync(new OpenRouterSpeechRequest { Input = "Hello there" }, TestContext.Current.CancellationToken);

        var entry = Assert.Single(harness.Emulator.Journal.For("/audio/speech"));
        Assert.Equal("Bearer " + ApiKeyRegistry.DefaultKey, entry.Header("Authorization"));
        Assert.Null(entry.Header("HTTP-Referer"));
        Assert.Null(entry.Header("X-OpenRouter-Title"));
        Assert.Null(entry.Header("X-OpenRouter-Categories"));
    }
}
