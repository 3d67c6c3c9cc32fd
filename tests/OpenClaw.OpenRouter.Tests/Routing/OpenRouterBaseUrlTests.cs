using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Tests.Routing;

public sealed class OpenRouterBaseUrlTests
{
    [Theory]
    [InlineData("https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1")]
    [InlineData("https://openrouter.ai/v1/", "https://openrouter.ai/api/v1")]
    [InlineData("https://openrouter.ai/api/v1///", "https://openrouter.ai/api/v1")]
    [InlineData("  https://openrouter.ai/v1  ", "https://openrouter.ai/api/v1")]
    public void Canonical_and_legacy_urls_normalise_to_the_canonical_base(string configured, string expected)
    {
        Assert.Equal(expected, OpenRouterBaseUrl.Normalize(configured));
        Assert.Equal(expected, OpenRouterBaseUrl.Resolve(configured).AbsoluteUri.TrimEnd('/'));
    }

    [Theory]
    [InlineData("https://OpenRouter.ai/api/v1")]
    [InlineData("https://eu.openrouter.ai/api/v1")]
    [InlineData("http://127.0.0.1:8089/v1")]
    public void Other_urls_are_not_canonical_and_are_used_as_given(string configured)
    {
        Assert.Null(OpenRouterBaseUrl.Normalize(configured));
        Assert.False(OpenRouterBaseUrl.IsCanonical(configured));
        Assert.Equal(new Uri(configured), OpenRouterBaseUrl.Resolve(configured + "/"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_url_resolves_to_the_canonical_base(string? configured) =>
        Assert.Equal(new Uri(OpenRouterBaseUrl.Canonical), OpenRouterBaseUrl.Resolve(configured));

    [Theory]
    [InlineData("file:///x", "scheme")]
    [InlineData("ftp://openrouter.ai/api/v1", "scheme")]
    [InlineData("https://user:secret@proxy.example.com/v1", "user info")]
    [InlineData("https://proxy.example.com/v1?key=1", "query")]
    [InlineData("https://proxy.example.com/v1#frag", "fragment")]
    [InlineData("not a url", "absolute")]
    public void Invalid_urls_are_rejected_with_a_clear_message(string configured, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => OpenRouterBaseUrl.Resolve(configured));
        Assert.StartsWith("Invalid OpenRouter API base URL", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://proxy.example.com/v1?api_key=abc", "Invalid OpenRouter API base URL: https://proxy.example.com/v1?… (a query is not allowed)")]
    [InlineData("https://proxy.example.com/v1#token=abc", "Invalid OpenRouter API base URL: https://proxy.example.com/v1#… (a fragment is not allowed)")]
    [InlineData("ftp://sk-or-v1-0123456789abcdef0123456789abcdef.example/v1", "Invalid OpenRouter API base URL: ftp://….example/v1 (scheme \"ftp\" is not http or https)")]
    [InlineData("file:///x", "Invalid OpenRouter API base URL: file:///x (scheme \"file\" is not http or https)")]
    public void A_refused_url_is_printed_without_its_query_fragment_or_token_like_parts(string configured, string message)
    {
        // People paste ?api_key=… or a key where the host goes; the error must still say which setting is wrong without echoing it.
        var error = Assert.Throws<ArgumentException>(() => OpenRouterBaseUrl.Resolve(configured));
        Assert.Equal(message + " (Parameter 'baseUrl')", error.Message);
    }
}
