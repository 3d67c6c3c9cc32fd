using OpenClaw.OpenRouter.Images;

namespace OpenClaw.OpenRouter.Tests.Images;

/// <summary>The body builder on its own: which ids take <c>image_config</c>, and how values are cleaned.</summary>
public sealed class ImageRequestBodyTests
{
    [Theory]
    [InlineData("google/gemini-3.1-flash-image-preview", true)]
    [InlineData("google/gemini-2.5-flash-image", true)]
    [InlineData("google/imagen-4", false)]
    [InlineData("openai/gpt-5.4-image-2", false)]
    [InlineData("black-forest-labs/flux.2-pro", false)]
    [InlineData("gemini-3-pro-image-preview", false)]
    public void Only_google_gemini_ids_take_image_config(string apiModelId, bool takes)
    {
        Assert.Equal(takes, ImageRequestBody.TakesImageConfig(apiModelId));
    }

    [Fact]
    public void Values_are_trimmed_and_the_prompt_is_sent_as_written()
    {
        var body = ImageRequestBody.Build("google/gemini-3-pro-image-preview", " Ünïcode \"quoted\" + / ", 3, " 21:9 ", " 1K", []);

        Assert.Equal(
            """{"model":"google/gemini-3-pro-image-preview","messages":[{"role":"user","content":" Ünïcode \"quoted\" + / "}],"modalities":["image","text"],"n":3,"image_config":{"aspect_ratio":"21:9","image_size":"1K"}}""",
            System.Text.Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(double.MaxValue, 4)]
    [InlineData(double.MinValue, 1)]
    [InlineData(3.999, 3)]
    [InlineData(0.5, 1)]
    [InlineData(-0.5, 1)]
    public void Count_truncates_then_clamps(double? requested, int n)
    {
        Assert.Equal(n, ImageRequestBody.Count(requested));
    }
}
