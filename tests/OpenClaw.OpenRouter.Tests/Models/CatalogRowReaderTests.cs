using System.Globalization;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using static OpenClaw.OpenRouter.Tests.Models.CatalogRows;

namespace OpenClaw.OpenRouter.Tests.Models;

public sealed class CatalogRowReaderTests
{
    [Fact]
    public void A_full_row_yields_every_capability()
    {
        var info = CatalogRowReader.ReadCapabilities(Element(ClaudeSonnet));

        Assert.NotNull(info);
        Assert.Equal("anthropic/claude-sonnet-4.6", info.Id);
        Assert.Equal("Anthropic: Claude Sonnet 4.6", info.Name);
        Assert.True(info.Reasoning);
        Assert.Equal(["text", "image"], info.Input);
        Assert.True(info.SupportsTools);
        Assert.Equal(["none", "max", "xhigh", "high", "medium", "low", "minimal"], Values(info.SupportedReasoningEfforts));
        Assert.False(info.ReasoningMandatory);
        Assert.Equal(new ModelPricing(3m, 15m, 0.3m, 3.75m), info.Pricing);
        Assert.Equal(1_000_000, info.ContextWindow);
        Assert.Equal(128_000, info.MaxTokens);
    }

    [Fact]
    public void A_row_with_only_an_id_gets_the_capability_defaults()
    {
        var info = CatalogRowReader.ReadCapabilities(Element("""{"id":"acme/tiny"}"""));

        Assert.NotNull(info);
        Assert.Equal("acme/tiny", info.Name);
        Assert.False(info.Reasoning);
        Assert.Equal(["text"], info.Input);
        Assert.Null(info.SupportsTools);
        Assert.Null(info.SupportedReasoningEfforts);
        Assert.False(info.ReasoningMandatory);
        Assert.Equal(ModelPricing.Free, info.Pricing);
        Assert.Equal(128_000, info.ContextWindow);
        Assert.Equal(8192, info.MaxTokens);
    }

    [Theory]
    [InlineData("""{"name":"No id"}""")]
    [InlineData("""{"id":null}""")]
    [InlineData("""{"id":"  "}""")]
    [InlineData("""{"id":42}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    public void A_row_without_an_id_is_rejected(string row)
    {
        Assert.Null(CatalogRowReader.ReadCapabilities(Element(row)));
        Assert.Null(CatalogRowReader.ReadLiveRow(Element(row)));
    }

    [Fact]
    public void A_blank_name_falls_back_to_the_id()
    {
        Assert.Equal("acme/tiny", CatalogRowReader.ReadCapabilities(Element("""{"id":"acme/tiny","name":" "}"""))!.Name);
    }

    [Fact]
    public void Reasoning_needs_the_reasoning_parameter_for_the_lookup_and_either_parameter_for_the_live_catalog()
    {
        const string includeOnly = """{"id":"acme/thinker","supported_parameters":["include_reasoning","max_tokens"]}""";

        Assert.False(CatalogRowReader.ReadCapabilities(Element(includeOnly))!.Reasoning);
        Assert.True(CatalogRowReader.ReadLiveRow(Element(includeOnly))!.Reasoning);
        Assert.False(CatalogRowReader.ReadCapabilities(Element(MistralLarge))!.Reasoning);
        Assert.False(CatalogRowReader.ReadLiveRow(Element(MistralLarge))!.Reasoning);
        Assert.True(CatalogRowReader.ReadCapabilities(Element(KimiK26))!.Reasoning);
    }

    [Theory]
    [InlineData("""{"id":"a/b","supported_parameters":["tools","reasoning"]}""", true)]
    [InlineData("""{"id":"a/b","supported_parameters":["seed"]}""", false)]
    [InlineData("""{"id":"a/b","supported_parameters":[]}""", false)]
    [InlineData("""{"id":"a/b"}""", null)]
    [InlineData("""{"id":"a/b","supported_parameters":null}""", null)]
    public void Tool_support_is_known_only_when_the_parameter_list_is_present(string row, bool? expected)
    {
        Assert.Equal(expected, CatalogRowReader.ReadCapabilities(Element(row))!.SupportsTools);
        Assert.Equal(expected, CatalogRowReader.ReadLiveRow(Element(row))!.SupportsTools);
    }

    [Fact]
    public void Declared_efforts_gain_none_in_front()
    {
        var info = CatalogRowReader.ReadCapabilities(Element("""{"id":"a/b","reasoning":{"mandatory":false,"supported_efforts":["high","low"]}}"""))!;

        Assert.Equal(["none", "high", "low"], Values(info.SupportedReasoningEfforts));
        Assert.False(info.ReasoningMandatory);
        Assert.True(info.EffortsKnown);
        Assert.False(info.IsBinaryReasoning);
    }

    [Fact]
    public void Declared_efforts_of_a_mandatory_reasoner_do_not_include_none()
    {
        var info = CatalogRowReader.ReadCapabilities(Element(GeminiPro))!;

        Assert.Equal(["high", "medium", "low"], Values(info.SupportedReasoningEfforts));
        Assert.True(info.ReasoningMandatory);
    }

    [Fact]
    public void Declared_efforts_are_normalised_and_deduplicated()
    {
        var info = CatalogRowReader.ReadCapabilities(Element("""{"id":"a/b","reasoning":{"supported_efforts":["High"," high ","none",7,"","low"]}}"""))!;

        Assert.Equal(["none", "high", "low"], Values(info.SupportedReasoningEfforts));
    }

    [Fact]
    public void Null_efforts_mean_every_gateway_effort()
    {
        var optional = CatalogRowReader.ReadCapabilities(Element("""{"id":"a/b","reasoning":{"mandatory":false,"supported_efforts":null}}"""))!;
        var mandatory = CatalogRowReader.ReadCapabilities(Element(EmulatorReasoning))!;

        Assert.Equal(["none", "minimal", "low", "medium", "high", "xhigh", "max"], Values(optional.SupportedReasoningEfforts));
        Assert.Equal(["minimal", "low", "medium", "high", "xhigh", "max"], Values(mandatory.SupportedReasoningEfforts));
        Assert.True(mandatory.ReasoningMandatory);
    }

    [Fact]
    public void A_reasoning_object_without_an_effort_list_reads_like_null_efforts()
    {
        var info = CatalogRowReader.ReadCapabilities(Element("""{"id":"a/b","reasoning":{"mandatory":true}}"""))!;

        Assert.Equal(["minimal", "low", "medium", "high", "xhigh", "max"], Values(info.SupportedReasoningEfforts));
    }

    [Fact]
    public void An_empty_effort_list_means_binary_reasoning()
    {
        var info = CatalogRowReader.ReadCapabilities(Element(GrokFast))!;

        Assert.NotNull(info.SupportedReasoningEfforts);
        Assert.Empty(info.SupportedReasoningEfforts);
        Assert.True(info.IsBinaryReasoning);
        Assert.True(info.Reasoning);
    }

    [Theory]
    [InlineData(KimiK26)]
    [InlineData("""{"id":"a/b","supported_parameters":["reasoning"],"reasoning":null}""")]
    [InlineData("""{"id":"a/b","supported_parameters":["reasoning"],"reasoning":{"supported_efforts":"high"}}""")]
    [InlineData("""{"id":"a/b","supported_parameters":["reasoning"],"reasoning":{"supported_efforts":[1,2]}}""")]
    public void Without_a_readable_reasoning_object_the_efforts_are_unknown(string row)
    {
        var info = CatalogRowReader.ReadCapabilities(Element(row))!;

        Assert.Null(info.SupportedReasoningEfforts);
        Assert.False(info.EffortsKnown);
        Assert.False(info.ReasoningMandatory);
    }

    [Theory]
    [InlineData("\"0.000003\"", "3")]
    [InlineData("\"0.00000375\"", "3.75")]
    [InlineData("0.000015", "15")]
    [InlineData("\"3e-6\"", "3")]
    [InlineData("\"0\"", "0")]
    [InlineData("\"-1\"", "0")]
    [InlineData("-0.000001", "0")]
    [InlineData("\"free\"", "0")]
    [InlineData("\"\"", "0")]
    [InlineData("null", "0")]
    [InlineData("true", "0")]
    [InlineData("\"1e30\"", "0")]
    public void Per_token_prices_become_prices_per_million(string prompt, string expected)
    {
        var info = CatalogRowReader.ReadCapabilities(Element($$$"""{"id":"a/b","pricing":{"prompt":{{{prompt}}}}}"""))!;

        Assert.Equal(expected, info.Pricing.Input.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Prices_cover_input_output_cache_read_and_cache_write()
    {
        Assert.Equal(new ModelPricing(0.8m, 3.5m, 0.2m, 0m), CatalogRowReader.ReadCapabilities(Element(KimiK26))!.Pricing);
        Assert.Equal(ModelPricing.Free, CatalogRowReader.ReadCapabilities(Element(AutoRouter))!.Pricing);
        Assert.Equal(ModelPricing.Free, CatalogRowReader.ReadCapabilities(Element("""{"id":"a/b","pricing":"cheap"}"""))!.Pricing);
    }

    [Theory]
    [InlineData("""{"id":"a/b","context_length":1000,"top_provider":{"context_length":900}}""", 900)]
    [InlineData("""{"id":"a/b","context_length":1000,"top_provider":{"context_length":null}}""", 1000)]
    [InlineData("""{"id":"a/b","context_length":1000,"top_provider":null}""", 1000)]
    [InlineData("""{"id":"a/b","context_length":1000}""", 1000)]
    [InlineData("""{"id":"a/b","context_length":"1000"}""", 1000)]
    [InlineData("""{"id":"a/b","context_length":0,"top_provider":{"context_length":0}}""", 128_000)]
    [InlineData("""{"id":"a/b","context_length":-5}""", 128_000)]
    [InlineData("""{"id":"a/b","context_length":1e12}""", int.MaxValue)]
    [InlineData("""{"id":"a/b"}""", 128_000)]
    public void The_context_window_prefers_the_top_provider(string row, int expected)
    {
        Assert.Equal(expected, CatalogRowReader.ReadCapabilities(Element(row))!.ContextWindow);
    }

    [Fact]
    public void The_live_catalog_defaults_the_context_window_to_200000()
    {
        Assert.Equal(200_000, CatalogRowReader.ReadLiveRow(Element("""{"id":"a/b"}"""))!.ContextWindow);
        Assert.Equal(2_000_000, CatalogRowReader.ReadLiveRow(Element(AutoRouter))!.ContextWindow);
    }

    [Theory]
    [InlineData("""{"id":"a/b","top_provider":{"max_completion_tokens":100},"max_completion_tokens":200,"max_output_tokens":300}""", 100)]
    [InlineData("""{"id":"a/b","top_provider":{"max_completion_tokens":null},"max_completion_tokens":200,"max_output_tokens":300}""", 200)]
    [InlineData("""{"id":"a/b","max_output_tokens":300}""", 300)]
    [InlineData("""{"id":"a/b","top_provider":{}}""", 8192)]
    public void The_output_limit_falls_back_through_three_fields_to_8192(string row, int expected)
    {
        Assert.Equal(expected, CatalogRowReader.ReadCapabilities(Element(row))!.MaxTokens);
        Assert.Equal(expected, CatalogRowReader.ReadLiveRow(Element(row))!.MaxTokens);
    }

    [Theory]
    [InlineData("""{"id":"a/b","architecture":{"modality":"text+image->text"}}""", true)]
    [InlineData("""{"id":"a/b","architecture":{"modality":"text+image+file->text"}}""", true)]
    [InlineData("""{"id":"a/b","architecture":{"modality":"text->text+image"}}""", false)]
    [InlineData("""{"id":"a/b","architecture":{"modality":"text->text","input_modalities":["text","image"]}}""", false)]
    [InlineData("""{"id":"a/b","architecture":{"input_modalities":["text","image"]}}""", true)]
    [InlineData("""{"id":"a/b","architecture":{"input_modalities":["text"]}}""", false)]
    [InlineData("""{"id":"a/b"}""", false)]
    public void Image_input_comes_from_the_input_side_of_the_modality(string row, bool image)
    {
        string[] expected = image ? ["text", "image"] : ["text"];

        Assert.Equal(expected, CatalogRowReader.ReadCapabilities(Element(row))!.Input);
        Assert.Equal(expected, CatalogRowReader.ReadLiveRow(Element(row))!.Input);
    }

    [Theory]
    [InlineData(FluxPro)]
    [InlineData(VeoFast)]
    [InlineData("""{"id":"a/b","architecture":{"modality":"text->image"}}""")]
    [InlineData("""{"id":"a/b","architecture":{"modality":"text->text","output_modalities":["speech"]}}""")]
    public void The_live_catalog_skips_models_that_do_not_produce_text(string row)
    {
        Assert.Null(CatalogRowReader.ReadLiveRow(Element(row)));
        Assert.NotNull(CatalogRowReader.ReadCapabilities(Element(row)));
    }

    [Theory]
    [InlineData(GeminiProImage)]
    [InlineData("""{"id":"a/b","architecture":{"modality":"text->image","output_modalities":["image","Text"]}}""")]
    [InlineData("""{"id":"a/b","architecture":{"modality":"text->image","output_modalities":[]}}""")]
    [InlineData("""{"id":"a/b","architecture":{"modality":"text"}}""")]
    [InlineData("""{"id":"a/b","architecture":null}""")]
    [InlineData("""{"id":"a/b"}""")]
    public void The_live_catalog_keeps_models_that_produce_text_or_declare_no_outputs(string row)
    {
        Assert.NotNull(CatalogRowReader.ReadLiveRow(Element(row)));
    }

    [Fact]
    public void A_catalog_keeps_usable_object_rows_in_order()
    {
        var root = Element(Catalog(ClaudeSonnet, "42", "null", "\"x\"", """{"name":"no id"}""", FluxPro, KimiK26));

        Assert.Equal(["anthropic/claude-sonnet-4.6", "black-forest-labs/flux.2-pro", "moonshotai/kimi-k2.6"], CatalogRowReader.ReadCatalog(root, live: false).Select(row => row.Id));
        Assert.Equal(["anthropic/claude-sonnet-4.6", "moonshotai/kimi-k2.6"], CatalogRowReader.ReadCatalog(root, live: true).Select(row => row.Id));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"data":null}""")]
    [InlineData("""{"data":{"id":"a/b"}}""")]
    [InlineData("""{"data":[]}""")]
    [InlineData("""[{"id":"a/b"}]""")]
    [InlineData("""null""")]
    public void A_catalog_without_a_data_array_yields_nothing(string json)
    {
        Assert.Empty(CatalogRowReader.ReadCatalog(Element(json), live: true));
        Assert.Empty(CatalogRowReader.ReadCatalog(Element(json), live: false));
    }

    [Fact]
    public void Merging_adds_the_bundled_rows_lets_live_rows_win_and_sorts_by_id()
    {
        var live = CatalogRowReader.ReadCatalog(Element(Catalog(MistralLarge, AutoRouter, ClaudeSonnet)), live: true);

        var merged = CatalogRowReader.MergeWithBundled(live);

        Assert.Equal(
            ["anthropic/claude-sonnet-4.6", "mistralai/mistral-large-2512", "moonshotai/kimi-k2.5", "moonshotai/kimi-k2.6", "openrouter/auto"],
            merged.Select(row => row.Id));
        var auto = merged.Single(row => row.Id == "openrouter/auto");
        Assert.Equal("Auto Router", auto.Name);
        Assert.True(auto.Reasoning);
        Assert.Same(BundledModels.KimiK26, merged.Single(row => row.Id == "moonshotai/kimi-k2.6"));
    }

    [Fact]
    public void Merging_keeps_the_last_of_duplicate_live_rows_and_sorts_ordinally()
    {
        OpenRouterModelInfo[] live =
        [
            new() { Id = "b/model", Name = "first" },
            new() { Id = "B/model" },
            new() { Id = "b/model", Name = "second" },
        ];

        var merged = CatalogRowReader.MergeWithBundled(live);

        Assert.Equal(["B/model", "b/model", "moonshotai/kimi-k2.5", "moonshotai/kimi-k2.6", "openrouter/auto"], merged.Select(row => row.Id));
        Assert.Equal("second", merged.Single(row => row.Id == "b/model").Name);
    }

    [Fact]
    public void Merging_nothing_yields_the_bundled_rows()
    {
        Assert.Equal(["moonshotai/kimi-k2.5", "moonshotai/kimi-k2.6", "openrouter/auto"], CatalogRowReader.MergeWithBundled([]).Select(row => row.Id));
    }

    private static string[] Values(IReadOnlyList<ReasoningEffort>? efforts) => [.. efforts!.Select(effort => effort.Value)];
}
