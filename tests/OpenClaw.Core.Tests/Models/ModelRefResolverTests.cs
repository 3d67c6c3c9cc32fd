using OpenClaw.Core.Errors;
using OpenClaw.Core.Models;

namespace OpenClaw.Core.Tests.Models;

public sealed class ModelRefResolverTests
{
    private static readonly ModelRefResolver Plain = new(new Dictionary<string, string>(), []);

    private static ModelRefResolver WithConfig(IEnumerable<string> configured, params (string Alias, string Ref)[] aliases) =>
        new(aliases.ToDictionary(a => a.Alias, a => a.Ref), configured);

    [Theory]
    [InlineData("openrouter/auto", "openrouter/auto", "openrouter/auto", "openrouter/auto")]
    [InlineData("openrouter/openrouter/auto", "openrouter/auto", "openrouter/auto", "openrouter/auto")]
    [InlineData("openrouter/anthropic/claude-sonnet-4.6", "openrouter/anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6")]
    [InlineData("openrouter/deepseek-v4-flash", "openrouter/deepseek-v4-flash", "openrouter/deepseek-v4-flash", "deepseek/deepseek-v4-flash")]
    [InlineData("openrouter/deepseek-v4-pro", "openrouter/deepseek-v4-pro", "openrouter/deepseek-v4-pro", "deepseek/deepseek-v4-pro")]
    [InlineData("openrouter/hunter-alpha", "openrouter/hunter-alpha", "openrouter/hunter-alpha", "openrouter/hunter-alpha")]
    [InlineData("openrouter/openrouter/hunter-alpha", "openrouter/hunter-alpha", "openrouter/hunter-alpha", "openrouter/hunter-alpha")]
    [InlineData("openrouter/moonshotai/kimi-k2.6", "openrouter/moonshotai/kimi-k2.6", "moonshotai/kimi-k2.6", "moonshotai/kimi-k2.6")]
    [InlineData("openrouter/~anthropic/claude-opus-latest", "openrouter/~anthropic/claude-opus-latest", "~anthropic/claude-opus-latest", "~anthropic/claude-opus-latest")]
    [InlineData("openrouter/deepseek/deepseek-v4-pro:nitro", "openrouter/deepseek/deepseek-v4-pro:nitro", "deepseek/deepseek-v4-pro:nitro", "deepseek/deepseek-v4-pro:nitro")]
    [InlineData("  openrouter/auto  ", "openrouter/auto", "openrouter/auto", "openrouter/auto")]
    public void Spec_examples_resolve_to_canonical_ref_model_id_and_api_id(string input, string canonical, string modelId, string apiId)
    {
        var resolved = Plain.Resolve(input);

        Assert.Equal(new ResolvedModelRef(canonical, modelId, apiId), resolved);
    }

    [Theory]
    [InlineData("openrouter/openrouter/auto", "openrouter/openrouter/auto")]
    [InlineData("openrouter/auto", "openrouter/openrouter/auto")]
    [InlineData("openrouter/anthropic/claude-sonnet-4.6", "openrouter/anthropic/claude-sonnet-4.6")]
    [InlineData("auto", "openrouter/openrouter/auto")]
    public void Display_ref_is_openrouter_slash_model_id(string input, string display) =>
        Assert.Equal(display, Plain.Resolve(input).DisplayRef);

    [Theory]
    [InlineData("auto", "openrouter/auto")]
    [InlineData("hunter-alpha", "openrouter/hunter-alpha")]
    [InlineData("deepseek-v4-flash", "openrouter/deepseek-v4-flash")]
    public void A_bare_id_without_alias_or_configured_match_is_an_openrouter_id(string input, string canonical)
    {
        var resolved = Plain.Resolve(input);

        Assert.Equal(canonical, resolved.CanonicalRef);
        Assert.Null(resolved.Alias);
    }

    [Theory]
    [InlineData("OpenRouter/Anthropic/Claude-Sonnet-4.6", "openrouter/anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6")]
    [InlineData("OPENROUTER/AUTO", "openrouter/auto", "openrouter/auto")]
    [InlineData("Auto", "openrouter/auto", "openrouter/auto")]
    [InlineData("openrouter/DeepSeek-V4-Flash", "openrouter/deepseek-v4-flash", "deepseek/deepseek-v4-flash")]
    public void Input_is_case_insensitive_and_lower_cased(string input, string canonical, string apiId)
    {
        var resolved = Plain.Resolve(input);

        Assert.Equal(canonical, resolved.CanonicalRef);
        Assert.Equal(apiId, resolved.ApiId);
    }

    [Theory]
    [InlineData("OpenRouter")]
    [InlineData("openrouter")]
    [InlineData("OPENROUTER")]
    [InlineData(" openRouter ")]
    public void An_alias_matches_ignoring_case_and_keeps_its_declared_spelling(string input)
    {
        var resolver = WithConfig(["openrouter/auto"], ("OpenRouter", "openrouter/auto"));

        var resolved = resolver.Resolve(input);

        Assert.Equal(new ResolvedModelRef("openrouter/auto", "openrouter/auto", "openrouter/auto", "OpenRouter"), resolved);
    }

    [Fact]
    public void An_alias_resolves_its_ref_through_the_same_normalisation()
    {
        var resolver = WithConfig([], ("sonnet", "OpenRouter/Anthropic/Claude-Sonnet-4.6"), ("hunter", "openrouter/openrouter/hunter-alpha"));

        Assert.Equal(new ResolvedModelRef("openrouter/anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6", "sonnet"), resolver.Resolve("Sonnet"));
        Assert.Equal("openrouter/hunter-alpha", resolver.Resolve("hunter").CanonicalRef);
    }

    [Fact]
    public void Aliases_differing_only_in_case_each_keep_their_exact_match()
    {
        var resolver = WithConfig([], ("fast", "openrouter/a/fast"), ("FAST", "openrouter/b/fast"));

        Assert.Equal("openrouter/a/fast", resolver.Resolve("fast").CanonicalRef);
        Assert.Equal("openrouter/b/fast", resolver.Resolve("FAST").CanonicalRef);
    }

    [Fact]
    public void An_alias_on_another_providers_ref_is_ignored()
    {
        var resolver = WithConfig([], ("claude", "anthropic/claude-sonnet-4-6"));

        var resolved = resolver.Resolve("claude");

        Assert.Equal("openrouter/claude", resolved.CanonicalRef);
        Assert.Null(resolved.Alias);
    }

    [Fact]
    public void An_alias_beats_a_configured_id()
    {
        var resolver = WithConfig(["openrouter/moonshotai/kimi-k2.6"], ("kimi-k2.6", "openrouter/auto"));

        Assert.Equal("openrouter/auto", resolver.Resolve("kimi-k2.6").CanonicalRef);
    }

    [Theory]
    [InlineData("kimi-k2.6")]
    [InlineData("Kimi-K2.6")]
    public void A_bare_id_matches_the_unique_configured_ref_ending_with_it(string input)
    {
        var resolver = WithConfig(["openrouter/auto", "openrouter/moonshotai/kimi-k2.6"]);

        var resolved = resolver.Resolve(input);

        Assert.Equal(new ResolvedModelRef("openrouter/moonshotai/kimi-k2.6", "moonshotai/kimi-k2.6", "moonshotai/kimi-k2.6"), resolved);
    }

    [Fact]
    public void A_bare_id_matching_several_configured_refs_falls_back_to_an_openrouter_id()
    {
        var resolver = WithConfig(["openrouter/moonshotai/kimi-k2.6", "openrouter/someone/kimi-k2.6"]);

        Assert.Equal("openrouter/kimi-k2.6", resolver.Resolve("kimi-k2.6").CanonicalRef);
    }

    [Fact]
    public void Configured_refs_spelled_differently_for_one_model_are_not_ambiguous()
    {
        var resolver = WithConfig(["openrouter/openrouter/hunter-alpha", "openrouter/hunter-alpha", "OpenRouter/Hunter-Alpha"]);

        Assert.Equal("openrouter/hunter-alpha", resolver.Resolve("hunter-alpha").CanonicalRef);
    }

    [Fact]
    public void Configured_refs_of_other_providers_do_not_match()
    {
        var resolver = WithConfig(["anthropic/claude-sonnet-4-6"]);

        Assert.Equal("openrouter/claude-sonnet-4-6", resolver.Resolve("claude-sonnet-4-6").CanonicalRef);
    }

    [Fact]
    public void A_ref_with_a_provider_skips_alias_and_configured_lookup()
    {
        var resolver = WithConfig(["openrouter/moonshotai/kimi-k2.6"], ("auto", "openrouter/moonshotai/kimi-k2.6"));

        Assert.Equal("openrouter/auto", resolver.Resolve("openrouter/auto").CanonicalRef);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("openrouter/")]
    [InlineData("/auto")]
    [InlineData("openrouter//auto")]
    [InlineData("openrouter/anthropic/")]
    [InlineData("openrouter/claude sonnet")]
    [InlineData("claude sonnet")]
    [InlineData("openrouter/auto\tx")]
    [InlineData("openrouter/auto?x=1")]
    [InlineData("openrouter/aut\u00f6")]
    [InlineData("openrouter/a\"b")]
    [InlineData("anthropic /claude")]
    public void Malformed_input_is_an_invalid_model_reference_quoting_the_raw_input(string input)
    {
        var error = Assert.Throws<OpenClawException>(() => Plain.Resolve(input));

        Assert.Equal("Invalid model reference: " + input, error.Message);
    }

    [Theory]
    [InlineData("openrouter/some-org/model_v1.2:free")]
    [InlineData("openrouter/~anthropic/claude-opus-latest")]
    [InlineData("openrouter/org/model+extra")]
    [InlineData("openrouter/org/model@2026-01")]
    public void The_characters_model_ids_use_are_accepted(string input) =>
        Assert.Equal(input, Plain.Resolve(input).CanonicalRef);

    [Theory]
    [InlineData("anthropic/claude-sonnet-4-6", "anthropic", "anthropic/claude-sonnet-4-6")]
    [InlineData("  anthropc/claude-sonnet-4-6 ", "anthropc", "anthropc/claude-sonnet-4-6")]
    [InlineData("Anthropic/Claude-Sonnet-4-6", "anthropic", "Anthropic/Claude-Sonnet-4-6")]
    [InlineData("moonshotai/kimi-k2.6", "moonshotai", "moonshotai/kimi-k2.6")]
    [InlineData("openai/gpt-5/mini", "openai", "openai/gpt-5/mini")]
    public void Another_provider_is_refused_with_the_exact_message(string input, string provider, string shownRef)
    {
        var error = Assert.Throws<OpenClawException>(() => Plain.Resolve(input));

        Assert.Equal(
            $"Unknown model provider \"{provider}\". Install a plugin that declares it or configure it under models.providers before selecting \"{shownRef}\". Config was not changed.",
            error.Message);
    }

    [Theory]
    [InlineData("openrouter/auto", "openrouter/auto", "openrouter/auto")]
    [InlineData("openrouter/openrouter/auto", "openrouter/auto", "openrouter/auto")]
    [InlineData("OpenRouter/Anthropic/Claude-Sonnet-4.6", "openrouter/anthropic/claude-sonnet-4.6", "anthropic/claude-sonnet-4.6")]
    [InlineData("openrouter/deepseek-v4-flash", "openrouter/deepseek-v4-flash", "deepseek/deepseek-v4-flash")]
    [InlineData("auto", "openrouter/auto", "openrouter/auto")]
    public void TryParseRef_normalises_openrouter_refs(string reference, string canonical, string apiId)
    {
        var parsed = ModelRefResolver.TryParseRef(reference);

        Assert.NotNull(parsed);
        Assert.Equal(canonical, parsed.CanonicalRef);
        Assert.Equal(apiId, parsed.ApiId);
        Assert.Null(parsed.Alias);
    }

    [Theory]
    [InlineData("anthropic/claude-sonnet-4-6")]
    [InlineData("")]
    [InlineData("openrouter/")]
    [InlineData("openrouter//auto")]
    [InlineData("openrouter/claude sonnet")]
    public void TryParseRef_returns_null_for_other_providers_and_malformed_refs(string reference) =>
        Assert.Null(ModelRefResolver.TryParseRef(reference));

    [Fact]
    public void TryParseRef_does_not_look_up_aliases()
    {
        Assert.Equal("openrouter/openrouter", ModelRefResolver.TryParseRef("OpenRouter")?.CanonicalRef);
    }
}
