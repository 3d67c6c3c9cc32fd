using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.OpenRouter.Tests.Routing;

public sealed class OpenRouterRouteTests
{
    [Theory]
    [InlineData("https://openrouter.ai/api/v1", true, EndpointClass.OpenRouter)]
    [InlineData("https://openrouter.ai/v1/", true, EndpointClass.OpenRouter)]
    [InlineData("https://eu.openrouter.ai/api/v1", false, EndpointClass.OpenRouter)]
    [InlineData("https://OpenRouter.ai/api/v1", false, EndpointClass.OpenRouter)]
    [InlineData("http://127.0.0.1:8089/v1", false, EndpointClass.Local)]
    [InlineData("http://localhost:3000/v1", false, EndpointClass.Local)]
    [InlineData("http://[::1]:3000/v1", false, EndpointClass.Local)]
    [InlineData("http://gateway.internal/v1", false, EndpointClass.Local)]
    [InlineData("http://box.local/v1", false, EndpointClass.Local)]
    [InlineData("http://api.localhost/v1", false, EndpointClass.Local)]
    [InlineData("https://proxy.example.com/v1", false, EndpointClass.Custom)]
    [InlineData("https://openrouter.ai.evil.com/v1", false, EndpointClass.Custom)]
    [InlineData("file:///x", false, EndpointClass.Invalid)]
    public void Verified_route_and_endpoint_class_are_independent(string baseUrl, bool verified, EndpointClass endpoint)
    {
        var route = OpenRouterRoute.Classify(baseUrl);

        Assert.Equal(verified, route.IsVerified);
        Assert.Equal(endpoint, route.Endpoint);
    }

    [Fact]
    public void No_base_url_is_the_default_class_and_verified_for_the_openrouter_provider()
    {
        var route = OpenRouterRoute.Classify(null);

        Assert.True(route.IsVerified);
        Assert.Equal(EndpointClass.Default, route.Endpoint);
        Assert.True(route.IsOpenRouterEndpoint);
        Assert.False(OpenRouterRoute.Classify(null, "other").IsVerified);
        Assert.True(OpenRouterRoute.Classify("", " OpenRouter ").IsVerified);
    }
}
