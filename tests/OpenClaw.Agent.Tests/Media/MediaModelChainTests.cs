using OpenClaw.Agent.Media;
using OpenClaw.Core.Config;
using OpenClaw.Core.Models;

namespace OpenClaw.Agent.Tests.Media;

public sealed class MediaModelChainTests
{
    private static readonly ModelRefResolver NoAliases = new(new Dictionary<string, string>(), []);

    private static IEnumerable<string> ApiIds(IReadOnlyList<ResolvedModelRef> candidates) => candidates.Select(candidate => candidate.ApiId);

    [Fact]
    public void Without_configuration_the_default_model_alone()
    {
        var candidates = MediaModelChain.Candidates(null, ModelSelection.None, MediaGenerationSettings.DefaultImageModel, NoAliases);

        var only = Assert.Single(candidates);
        Assert.Equal("openrouter/google/gemini-3.1-flash-image-preview", only.CanonicalRef);
        Assert.Equal("google/gemini-3.1-flash-image-preview", only.ApiId);
    }

    [Fact]
    public void The_configured_primary_then_its_fallbacks_without_duplicates()
    {
        var configured = new ModelSelection(
            "openrouter/google/gemini-3-pro-image-preview",
            ["openrouter/openai/gpt-5.4-image-2", "google/gemini-3-pro-image-preview", "OPENROUTER/openai/gpt-5.4-image-2"],
            null);

        var candidates = MediaModelChain.Candidates(null, configured, MediaGenerationSettings.DefaultImageModel, NoAliases);

        Assert.Equal(["google/gemini-3-pro-image-preview", "openai/gpt-5.4-image-2"], ApiIds(candidates));
    }

    [Fact]
    public void Fallbacks_without_a_primary_follow_the_default()
    {
        var configured = new ModelSelection(null, ["openrouter/google/veo-3.1"], null);

        var candidates = MediaModelChain.Candidates(null, configured, MediaGenerationSettings.DefaultVideoModel, NoAliases);

        Assert.Equal(["google/veo-3.1-fast", "google/veo-3.1"], ApiIds(candidates));
    }

    [Fact]
    public void A_per_call_model_is_exact()
    {
        var configured = new ModelSelection("openrouter/google/gemini-3-pro-image-preview", ["openrouter/openai/gpt-5.4-image-2"], null);

        var candidates = MediaModelChain.Candidates("openrouter/google/gemini-3.1-flash-image-preview", configured, MediaGenerationSettings.DefaultImageModel, NoAliases);

        Assert.Equal(["google/gemini-3.1-flash-image-preview"], ApiIds(candidates));
    }

    [Theory]
    [InlineData("openrouter/google/gemini-3-pro-image-preview", "openrouter/google/gemini-3-pro-image-preview", "google/gemini-3-pro-image-preview")]
    [InlineData("google/gemini-3-pro-image-preview", "openrouter/google/gemini-3-pro-image-preview", "google/gemini-3-pro-image-preview")]
    [InlineData("openrouter/openrouter/auto", "openrouter/auto", "openrouter/auto")]
    public void Refs_and_api_ids_resolve_to_openrouter(string typed, string canonical, string apiId)
    {
        var resolved = MediaModelChain.Resolve(typed, NoAliases);

        Assert.Equal(canonical, resolved.CanonicalRef);
        Assert.Equal(apiId, resolved.ApiId);
    }

    [Fact]
    public void Aliases_resolve()
    {
        var resolver = new ModelRefResolver(new Dictionary<string, string> { ["Banana"] = "openrouter/google/gemini-3.1-flash-image-preview" }, []);

        Assert.Equal("google/gemini-3.1-flash-image-preview", MediaModelChain.Resolve("banana", resolver).ApiId);
    }

    [Fact]
    public void A_malformed_ref_is_refused()
    {
        var error = Assert.Throws<Core.Errors.OpenClawException>(() => MediaModelChain.Resolve("bad model", NoAliases));

        Assert.Equal("Invalid model reference: bad model", error.Message);
    }

    [Fact]
    public void The_call_timeout_beats_the_configured_one_which_beats_the_library_default()
    {
        var configured = new ModelSelection(null, [], 90_000);

        Assert.Equal(TimeSpan.FromMilliseconds(5_000), MediaModelChain.Timeout(TimeSpan.FromMilliseconds(5_000), configured));
        Assert.Equal(TimeSpan.FromMilliseconds(90_000), MediaModelChain.Timeout(null, configured));
        Assert.Null(MediaModelChain.Timeout(null, ModelSelection.None));
    }
}
