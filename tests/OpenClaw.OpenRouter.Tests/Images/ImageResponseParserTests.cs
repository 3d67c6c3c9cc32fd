using System.Text;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Images;

namespace OpenClaw.OpenRouter.Tests.Images;

/// <summary>The strict reading of an image answer (provider spec §15.1), on bodies written here.</summary>
public sealed class ImageResponseParserTests
{
    private const string Model = "google/gemini-3.1-flash-image-preview";
    private const string Malformed = "OpenRouter image generation response malformed";
    private const string Missing = "OpenRouter image generation response missing image data";

    // "PNG!" and "JPG!" as base64.
    private const string PngB64 = "UE5HIQ==";
    private const string JpgB64 = "SlBHIQ==";

    private static OpenRouterImageResult Parse(string json, string? headerId = null) =>
        ImageResponseParser.Parse(Encoding.UTF8.GetBytes(json), Model, headerId);

    private static string Message(string message) => $$$"""{"id":"gen-1","choices":[{"message":{{{message}}}}]}""";

    private static void AssertMalformed(string json, string message = Malformed)
    {
        var error = Assert.Throws<OpenRouterMalformedResponseException>(() => Parse(json));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Images_give_bytes_media_types_file_names_and_revised_prompts()
    {
        var result = Parse(Message($$$"""
            {"role":"assistant","content":"Done.","images":[
              {"type":"image_url","image_url":{"url":"data:image/png;base64,{{{PngB64}}}"},"revised_prompt":"A crimson square"},
              {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,{{{JpgB64}}}"}},
              {"imageUrl":{"url":"data:image/webp;base64,{{{PngB64}}}"}},
              {"image_url":{"url":"data:image/gif;base64,{{{PngB64}}}"}},
              {"image_url":{"url":"data:image/svg+xml;base64,{{{PngB64}}}"}},
              {"image_url":"data:IMAGE/JPG;base64,{{{JpgB64}}}"}]}
            """));

        Assert.Equal(["image-1.png", "image-2.jpg", "image-3.webp", "image-4.gif", "image-5.png", "image-6.jpg"], result.Images.Select(i => i.FileName));
        Assert.Equal(["image/png", "image/jpeg", "image/webp", "image/gif", "image/svg+xml", "image/jpg"], result.Images.Select(i => i.MediaType));
        Assert.Equal("PNG!"u8.ToArray(), result.Images[0].Data.ToArray());
        Assert.Equal("JPG!"u8.ToArray(), result.Images[1].Data.ToArray());
        Assert.Equal("A crimson square", result.Images[0].RevisedPrompt);
        Assert.Null(result.Images[1].RevisedPrompt);
        Assert.Equal("Done.", result.Text);
        Assert.Equal(Model, result.Model);
        Assert.Equal("gen-1", result.Id);
    }

    [Fact]
    public void A_data_url_without_a_media_type_is_png_and_parameters_are_ignored()
    {
        var result = Parse(Message($$$"""{"images":[{"image_url":{"url":"data:;base64,{{{PngB64}}}"}},{"image_url":{"url":"data:image/jpeg;name=a.jpg;base64,{{{JpgB64}}}"}}]}"""));

        Assert.Equal(["image/png", "image/jpeg"], result.Images.Select(i => i.MediaType));
    }

    [Fact]
    public void The_header_generation_id_fills_in_when_the_body_has_none_and_usage_and_provider_are_read()
    {
        var result = Parse($$$$"""
            {"provider":"Google AI Studio","choices":[{"message":{"images":[{"image_url":{"url":"data:image/png;base64,{{{{PngB64}}}}"}}]}}],
             "usage":{"prompt_tokens":12,"completion_tokens":1290,"total_tokens":1302,"cost":0.039,"is_byok":false,
                      "prompt_tokens_details":{"cached_tokens":2},"completion_tokens_details":{"image_tokens":1290}}}
            """, headerId: "gen-header");

        Assert.Equal("gen-header", result.Id);
        Assert.Equal("Google AI Studio", result.Provider);
        var usage = result.Usage!;
        Assert.Equal(12, usage.PromptTokens);
        Assert.Equal(1290, usage.CompletionTokens);
        Assert.Equal(2, usage.CacheReadTokens);
        Assert.Equal(10, usage.InputTokens);
        Assert.Equal(1302, usage.TotalTokens);
        Assert.Equal(0.039m, usage.Cost);
        Assert.Equal("provider-billed", usage.CostOrigin);
        Assert.False(usage.IsByok);
        Assert.Null(result.Text);
    }

    [Fact]
    public void Without_usage_there_is_none()
    {
        var result = Parse(Message($$$"""{"images":[{"image_url":{"url":"data:image/png;base64,{{{PngB64}}}"}}]}"""));

        Assert.Null(result.Usage);
        Assert.Null(result.Provider);
    }

    [Fact]
    public void A_content_string_yields_every_embedded_data_url_and_skips_bad_ones()
    {
        var result = Parse(Message($$$"""
            {"content":"Here: ![one](data:image/png;base64,{{{PngB64}}}) and data:image/jpeg;base64,{{{JpgB64}}} then data:image/png;base64,A and data:text/plain;base64,{{{PngB64}}} (see data:image/gif;base64,{{{PngB64}}})"}
            """));

        Assert.Equal(["image/png", "image/jpeg", "image/gif"], result.Images.Select(i => i.MediaType));
        Assert.Equal(["image-1.png", "image-2.jpg", "image-3.gif"], result.Images.Select(i => i.FileName));
        Assert.Equal("PNG!"u8.ToArray(), result.Images[0].Data.ToArray());
        Assert.Equal($"Here:  and  then  and data:text/plain;base64,{PngB64} (see )", result.Text);
    }

    [Fact]
    public void A_content_string_with_only_bad_data_urls_is_missing_image_data()
    {
        AssertMalformed(Message("""{"content":"data:image/png;base64,A data:image/png;base64,!!!"}"""), Missing);
    }

    [Fact]
    public void Content_parts_of_every_kind_are_read_in_order()
    {
        var result = Parse(Message($$$"""
            {"content":[
              {"type":"text","text":"Two"},
              {"type":"image_url","image_url":{"url":"data:image/png;base64,{{{PngB64}}}"}},
              {"type":"b64_json","b64_json":"{{{JpgB64}}}"},
              {"type":"b64_json","b64_json":"/9j/4A==","media_type":"image/webp"},
              {"type":"b64_json","b64_json":"/9j/4A=="},
              {"type":"inline_data","inline_data":{"data":"{{{PngB64}}}","mime_type":"image/jpeg"}},
              {"inlineData":{"data":"{{{PngB64}}}","mimeType":"image/gif"}},
              {"inline_data":{"data":"{{{PngB64}}}"}},
              {"type":"reasoning","text":"ignored"},
              {"type":"text","text":"images"}]}
            """));

        Assert.Equal(["image/png", "image/png", "image/webp", "image/jpeg", "image/jpeg", "image/gif", "image/png"], result.Images.Select(i => i.MediaType));
        Assert.Equal(["image-1.png", "image-2.png", "image-3.webp", "image-4.jpg", "image-5.jpg", "image-6.gif", "image-7.png"], result.Images.Select(i => i.FileName));
        Assert.Equal("JPG!"u8.ToArray(), result.Images[1].Data.ToArray());
        Assert.Equal("Two\nimages", result.Text);
    }

    [Fact]
    public void Images_and_content_of_several_choices_all_count()
    {
        var result = Parse($$$"""
            {"choices":[
              {"message":{"images":[{"image_url":{"url":"data:image/png;base64,{{{PngB64}}}"}}],"content":[{"type":"b64_json","b64_json":"{{{JpgB64}}}"}]}},
              {"finish_reason":"stop"},
              {"message":null},
              {"message":{"content":null,"images":null}},
              {"message":{"images":[{"image_url":{"url":"data:image/jpeg;base64,{{{JpgB64}}}"}}]}}]}
            """);

        Assert.Equal(["image-1.png", "image-2.png", "image-3.jpg"], result.Images.Select(i => i.FileName));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"choices":[]}""")]
    [InlineData("""{"choices":null}""")]
    [InlineData("""{"choices":[{"message":{"content":"No image today."}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":[],"content":[{"type":"text","text":"none"},{"type":"refusal","refusal":"no"}]}}]}""")]
    public void Answers_without_an_image_are_missing_image_data(string json)
    {
        AssertMalformed(json, Missing);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"choices":[""")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("""{"choices":{}}""")]
    [InlineData("""{"choices":"none"}""")]
    [InlineData("""{"choices":[1]}""")]
    [InlineData("""{"choices":[{"message":"hi"}]}""")]
    [InlineData("""{"choices":[{"message":{"images":"oops"}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":{"url":"data:image/png;base64,UE5HIQ=="}}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":["data:image/png;base64,UE5HIQ=="]}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":[{"type":"image_url"}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":[{"image_url":{"url":""}}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":[{"image_url":{"url":"https://cdn.example.com/a.png"}}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":[{"image_url":{"url":"data:image/png,UE5HIQ=="}}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":[{"image_url":{"url":"data:image/png;base64,"}}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":[{"image_url":{"url":"data:image/png;base64,@@@"}}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"images":[{"image_url":{"url":42}}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":42}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":{"type":"text","text":"hi"}}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":true}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":["data:image/png;base64,UE5HIQ=="]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"image_url","image_url":{"url":"https://cdn.example.com/a.png"}}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"image_url"}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"b64_json","b64_json":"not base64!"}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"b64_json","b64_json":"UE5HIQ"}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"b64_json","b64_json":""}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"b64_json"}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"b64_json","b64_json":7}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"inline_data","inline_data":{"data":"%%%"}}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"inline_data","inline_data":"UE5HIQ=="}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"type":"inline_data"}]}}]}""")]
    [InlineData("""{"choices":[{"message":{"content":[{"inlineData":{"mimeType":"image/png"}}]}}]}""")]
    [InlineData("""{"error":42}""")]
    public void Shapes_the_spec_does_not_allow_are_malformed(string json)
    {
        AssertMalformed(json);
    }

    [Fact]
    public void One_bad_image_spoils_the_answer_even_beside_good_ones()
    {
        AssertMalformed(Message($$$"""{"images":[{"image_url":{"url":"data:image/png;base64,{{{PngB64}}}"}},{"image_url":{"url":"data:image/png;base64,***"}}]}"""));
    }

    [Fact]
    public void Leading_whitespace_is_skipped()
    {
        var result = Parse("   \n\t " + Message($$$"""{"images":[{"image_url":{"url":"data:image/png;base64,{{{PngB64}}}"}}]}"""));

        Assert.Single(result.Images);
    }

    [Fact]
    public void An_error_envelope_in_a_200_is_typed_by_its_code_with_the_operation_label()
    {
        var error = Assert.Throws<OpenRouterRateLimitException>(() => Parse("""
            {"id":"gen-9","error":{"code":429,"message":"Provider returned error","metadata":{"provider_name":"Google","raw":"quota","request_id":"req-1","retry_after_seconds":4}},
             "choices":[{"message":{"images":[{"image_url":{"url":"data:image/png;base64,UE5HIQ=="}}]}}]}
            """));

        Assert.Equal("OpenRouter image generation failed (HTTP 200): Provider returned error [request_id=req-1]", error.Message);
        Assert.Equal(429, error.Code);
        Assert.Equal(200, error.StatusCode);
        Assert.True(error.Details.InBand);
        Assert.Equal("Google", error.ProviderName);
        Assert.Equal("quota", error.RawError);
        Assert.Equal("gen-9", error.GenerationId);
        Assert.Equal(TimeSpan.FromSeconds(4), error.RetryAfter);
    }

    [Fact]
    public void An_error_in_a_choice_is_an_error_and_a_string_error_is_its_message()
    {
        var inChoice = Assert.Throws<OpenRouterServerException>(() => Parse("""
            {"choices":[{"finish_reason":"error","message":{"content":"Here is yo"},"error":{"code":502,"message":"Provider returned error"}}]}
            """, headerId: "gen-h"));
        var text = Assert.Throws<OpenRouterException>(() => Parse("""{"error":"Image model overloaded"}"""));

        Assert.Equal("OpenRouter image generation failed (HTTP 200): Provider returned error", inChoice.Message);
        Assert.Equal("gen-h", inChoice.GenerationId);
        Assert.Equal("OpenRouter image generation failed (HTTP 200): Image model overloaded", text.Message);
        Assert.Null(text.Code);
    }

    [Fact]
    public void A_null_error_is_no_error()
    {
        var result = Parse("""{"error":null,"choices":[{"error":null,"message":{"images":[{"image_url":{"url":"data:image/png;base64,UE5HIQ=="}}]}}]}""");

        Assert.Single(result.Images);
    }

    [Theory]
    [InlineData("image/png", "png")]
    [InlineData("IMAGE/JPEG", "jpg")]
    [InlineData("image/jpg", "jpg")]
    [InlineData("image/webp", "webp")]
    [InlineData("image/gif", "gif")]
    [InlineData("image/avif", "png")]
    [InlineData("", "png")]
    public void File_extensions_follow_the_media_type(string mediaType, string extension)
    {
        Assert.Equal(extension, ImageResponseParser.Extension(mediaType));
        Assert.Equal($"image-3.{extension}", ImageResponseParser.FileName(3, mediaType));
    }

    [Fact]
    public void Sniffing_knows_png_jpeg_gif_and_webp()
    {
        Assert.Equal("image/png", ImageResponseParser.SniffMediaType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]));
        Assert.Equal("image/jpeg", ImageResponseParser.SniffMediaType([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/gif", ImageResponseParser.SniffMediaType("GIF89a.."u8));
        Assert.Equal("image/webp", ImageResponseParser.SniffMediaType("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Null(ImageResponseParser.SniffMediaType("PNG!"u8));
    }
}
