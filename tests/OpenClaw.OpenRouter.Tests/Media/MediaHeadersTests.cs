namespace OpenClaw.OpenRouter.Tests.Media;

/// <summary><c>MediaHeaders</c>: what a media request carries, by the origin it goes to (provider spec §5.2, §16).</summary>
public sealed class MediaHeadersTests
{
    private const string Categories = "cli-agent,cloud-agent,programming-app,creative-writing,writing-assistant,general-chat,personal-agent";

    [Fact]
    public void On_an_openrouter_endpoint_the_key_and_all_three_attribution_headers_go()
    {
        using var client = Client("https://openrouter.ai/api/v1");

        var headers = client.MediaHeaders(new Uri("https://openrouter.ai/api/v1/videos"));

        Assert.Equal(
        [
            new("Authorization", "Bearer sk-or-v1-test"),
            new("HTTP-Referer", "https://openclaw.ai"),
            new("X-OpenRouter-Title", "OpenClaw"),
            new("X-OpenRouter-Categories", Categories),
        ], headers);
    }

    [Theory]
    [InlineData("https://proxy.example.com/v1", "https://proxy.example.com/v1/videos/job-1")]
    [InlineData("http://127.0.0.1:8089/v1", "http://127.0.0.1:8089/files/v.mp4")]
    public void Off_openrouter_the_categories_stay_home(string baseUrl, string target)
    {
        using var client = Client(baseUrl);

        var headers = client.MediaHeaders(new Uri(target));

        Assert.Equal(["Authorization", "HTTP-Referer", "X-OpenRouter-Title"], headers.Select(header => header.Key));
    }

    [Theory]
    [InlineData("https://storage.googleapis.com/bucket/v.mp4")]
    [InlineData("http://openrouter.ai/api/v1/videos/job-1")]
    [InlineData("https://openrouter.ai:8443/api/v1/videos/job-1")]
    [InlineData("https://eu.openrouter.ai/api/v1/videos/job-1")]
    public void Another_origin_gets_nothing_at_all(string target)
    {
        using var client = Client("https://openrouter.ai/api/v1", options => options.Headers["X-Team"] = "video");

        Assert.Empty(client.MediaHeaders(new Uri(target)));
    }

    [Fact]
    public void Configured_headers_come_first_and_cannot_replace_the_key_or_attribution()
    {
        using var client = Client("https://openrouter.ai/api/v1", options =>
        {
            options.Headers["X-Team"] = "video";
            options.Headers["Authorization"] = "Bearer other";
            options.Headers["X-OpenRouter-Title"] = "Other";
        });

        var headers = client.MediaHeaders(new Uri("https://openrouter.ai/api/v1/videos"));

        Assert.Equal(
        [
            new("X-Team", "video"),
            new("Authorization", "Bearer sk-or-v1-test"),
            new("X-OpenRouter-Title", "OpenClaw"),
            new("HTTP-Referer", "https://openclaw.ai"),
            new("X-OpenRouter-Categories", Categories),
        ], headers);
    }

    [Fact]
    public void Without_a_key_or_attribution_only_configured_headers_remain()
    {
        using var client = Client("https://openrouter.ai/api/v1", options =>
        {
            options.ApiKey = null;
            options.Attribution = null;
            options.Headers["X-Team"] = "video";
        });

        Assert.Equal([new("X-Team", "video")], client.MediaHeaders(new Uri("https://openrouter.ai/api/v1/videos")));
    }

    [Fact]
    public void The_key_check_names_the_missing_key()
    {
        using var withKey = Client("https://openrouter.ai/api/v1");
        using var withoutKey = Client("https://openrouter.ai/api/v1", options => options.ApiKey = " ");

        withKey.RequireMediaKey();
        var error = Assert.Throws<InvalidOperationException>(withoutKey.RequireMediaKey);
        Assert.Equal("OpenRouter API key missing", error.Message);
    }

    [Fact]
    public void The_media_cap_is_the_configured_one_and_must_be_positive()
    {
        using var client = Client("https://openrouter.ai/api/v1", options => options.MediaMaxBytes = 5L * 1024 * 1024);

        Assert.Equal(5L * 1024 * 1024, client.MediaMaxBytes);
        Assert.Throws<ArgumentException>(() => Client("https://openrouter.ai/api/v1", options => options.MediaMaxBytes = 0));
    }

    private static OpenRouterClient Client(string baseUrl, Action<OpenRouterClientOptions>? configure = null)
    {
        var options = new OpenRouterClientOptions
        {
            ApiKey = "sk-or-v1-test",
            BaseUrl = baseUrl,
            Attribution = OpenRouterAttribution.OpenClaw,
            CapabilityCatalogUrl = null,
        };
        configure?.Invoke(options);
        return new OpenRouterClient(options);
    }
}
