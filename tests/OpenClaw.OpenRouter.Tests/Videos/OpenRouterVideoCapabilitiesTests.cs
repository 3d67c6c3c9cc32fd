using System.Text.Json;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

public sealed class OpenRouterVideoCapabilitiesTests
{
    [Fact]
    public void Defaults_are_the_specs_metadata()
    {
        var defaults = OpenRouterVideoCapabilities.Default;

        Assert.Equal([4, 6, 8], defaults.Durations);
        Assert.Equal(["720P", "1080P"], defaults.Resolutions);
        Assert.Equal(["16:9", "9:16"], defaults.AspectRatios);
        Assert.Empty(defaults.Sizes);
        Assert.True(defaults.SupportsAudio);
        Assert.Equal(["first_frame", "last_frame"], defaults.FrameTypes);
        Assert.Equal(4, defaults.MaxInputImages);
    }

    [Fact]
    public void A_full_row_maps_every_list()
    {
        var capabilities = Row("""
            {"id":"acme/clip","supported_durations":[10,5,5,8.5,0,"6"],"supported_resolutions":["480p"," 1080p ","1080P"],
             "supported_aspect_ratios":["1:1","16:9"],"supported_sizes":["1024x1024"],"generate_audio":true,
             "supported_frame_images":["first_frame","last_frame","first_frame"]}
            """);

        Assert.Equal([5, 10], capabilities.Durations);
        Assert.Equal(["480P", "1080P"], capabilities.Resolutions);
        Assert.Equal(["1:1", "16:9"], capabilities.AspectRatios);
        Assert.Equal(["1024x1024"], capabilities.Sizes);
        Assert.True(capabilities.SupportsAudio);
        Assert.Equal(["first_frame", "last_frame"], capabilities.FrameTypes);
        Assert.Equal(2, capabilities.MaxInputImages);
    }

    [Fact]
    public void A_bare_row_keeps_the_default_durations_and_checks_nothing_else()
    {
        var capabilities = Row("""{"id":"acme/clip","generate_audio":null}""");

        Assert.Equal([4, 6, 8], capabilities.Durations);
        Assert.Empty(capabilities.Resolutions);
        Assert.Empty(capabilities.AspectRatios);
        Assert.Empty(capabilities.Sizes);
        Assert.False(capabilities.SupportsAudio);
        Assert.Empty(capabilities.FrameTypes);
        Assert.Equal(0, capabilities.MaxInputImages);
    }

    [Fact]
    public void Lists_of_the_wrong_type_are_ignored()
    {
        var capabilities = Row("""{"supported_durations":"4,6","supported_resolutions":{"a":"720p"},"generate_audio":"yes","supported_frame_images":null}""");

        Assert.Equal([4, 6, 8], capabilities.Durations);
        Assert.Empty(capabilities.Resolutions);
        Assert.False(capabilities.SupportsAudio);
        Assert.Equal(0, capabilities.MaxInputImages);
    }

    [Fact]
    public void A_row_that_is_not_an_object_is_refused()
    {
        using var document = JsonDocument.Parse("[]");
        Assert.Throws<ArgumentException>(() => OpenRouterVideoCapabilities.FromCatalogRow(document.RootElement));
    }

    [Fact]
    public void The_catalog_reader_keys_rows_by_id_and_skips_rows_without_one()
    {
        var models = VideoModelCatalog.Read("""{"data":[{"id":"Google/Veo-3.1-Fast","supported_durations":[4]},{"name":"no id"},7,{"id":""}]}"""u8);

        var veo = Assert.Single(models);
        Assert.Equal("Google/Veo-3.1-Fast", veo.Key);
        Assert.True(models.ContainsKey("google/veo-3.1-fast"));
        Assert.Equal([4], veo.Value.Durations);
    }

    [Fact]
    public void The_catalog_reader_accepts_a_bare_array()
    {
        Assert.Single(VideoModelCatalog.Read("""[{"id":"google/veo-3.1-fast"}]"""u8));
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"models":[]}""")]
    [InlineData("not json")]
    [InlineData("42")]
    public void The_catalog_reader_refuses_other_shapes(string body)
    {
        var error = Assert.Throws<Errors.OpenRouterMalformedResponseException>(() => VideoModelCatalog.Read(System.Text.Encoding.UTF8.GetBytes(body)));
        Assert.Equal("OpenRouter video models response malformed", error.Message);
    }

    private static OpenRouterVideoCapabilities Row(string json)
    {
        using var document = JsonDocument.Parse(json);
        return OpenRouterVideoCapabilities.FromCatalogRow(document.RootElement);
    }
}
