using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Images;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>
/// The image-generation answer parser (<see cref="ImageResponseParser"/>, provider spec §15.1) under FsCheck: every documented
/// shape — <c>message.images[]</c> with <c>image_url</c> / <c>imageUrl</c> (object or string), data URLs inside a content
/// string (bare or as Markdown images), content parts <c>image_url</c>, <c>b64_json</c>, <c>inline_data</c> /
/// <c>inlineData</c> — yields exactly the generated images, bytes and media types; error envelopes throw the typed error of
/// their code; edited answers throw only <see cref="OpenRouterException"/>s.
/// </summary>
public sealed class ImageResponseFuzzTests
{
    public const int ValidCount = 40_000;
    public const int MutatedAnswerCount = 15_000;
    public const int EditsPerAnswer = 4;
    private const string Model = "google/gemini-3.1-flash-image-preview";

    private static readonly string[] Keys =
    [
        "choices", "message", "images", "image_url", "imageUrl", "url", "content", "type", "text", "b64_json", "media_type", "mime_type", "mimeType",
        "inline_data", "inlineData", "data", "revised_prompt", "error", "code", "message", "metadata", "request_id", "retry_after_seconds", "usage",
        "cost", "prompt_tokens", "completion_tokens", "id", "provider",
    ];

    private static readonly string[] Snippets =
    [
        "data:", "data:image/png;base64,", ";base64,", "base64", "==", "=", "+", "/", "![", "](", ")", "{", "}", "[", "]", ",", ":", "\"", "\\",
        "\\u0000", "\\ud800", "null", "1e400", "{\"error\":{\"code\":429}}", "\"error\":\"x\",", "\"images\":7,", "\uFEFF", "é",
    ];

    [Fact(Timeout = 300_000)]
    public async Task Every_documented_answer_shape_yields_exactly_the_generated_images()
    {
        await Task.Run(() => FuzzCheck.Run("image answers valid", ImageAnswers.Answer, ValidCount, answer =>
        {
            OpenRouterImageResult result;
            try
            {
                result = ImageResponseParser.Parse(answer.Bytes, Model);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"A valid answer threw {exception.GetType().Name}: {answer}", exception);
            }
            if (result.Images.Count != answer.Images.Count)
            {
                throw new InvalidOperationException($"{result.Images.Count} images read, {answer.Images.Count} expected: {answer}");
            }
            for (var i = 0; i < answer.Images.Count; i++)
            {
                var (data, mediaType) = answer.Images[i];
                if (!result.Images[i].Data.Span.SequenceEqual(data) || result.Images[i].MediaType != mediaType)
                {
                    throw new InvalidOperationException(
                        $"image {i}: read {result.Images[i].MediaType} {Convert.ToHexString(result.Images[i].Data.Span)}, expected {mediaType} {Convert.ToHexString(data)}: {answer}");
                }
            }
            if (result.Model != Model)
            {
                throw new InvalidOperationException($"model {result.Model}: {answer}");
            }
        }), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Error_envelopes_throw_the_typed_error_of_their_code()
    {
        var cases =
            from code in Gen.Elements(400, 401, 402, 403, 404, 408, 413, 422, 429, 500, 502, 503, 524, 529, 418)
            from message in Gen.Elements("No endpoints", "Rate limited", "Über", "")
            from inChoice in Gen.Elements(false, true)
            select (Code: code, Message: message, InChoice: inChoice);
        await Task.Run(() => FuzzCheck.Run("image answers error envelopes", cases, 2_000, envelope =>
        {
            var error = new JsonObject { ["code"] = envelope.Code, ["message"] = envelope.Message, ["metadata"] = new JsonObject { ["request_id"] = "req-1" } };
            var body = envelope.InChoice
                ? new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["error"] = error }) }
                : new JsonObject { ["error"] = error };
            var exception = Assert.ThrowsAny<OpenRouterException>(() => ImageResponseParser.Parse(Encoding.UTF8.GetBytes(body.ToJsonString()), Model));
            FuzzLedger.Record("image envelope", exception);
            Assert.Equal(envelope.Code, exception.Code);
            Assert.Equal(200, exception.StatusCode);
            Assert.Equal(envelope.Code switch
            {
                400 or 413 or 422 => typeof(OpenRouterBadRequestException),
                401 => typeof(OpenRouterAuthenticationException),
                402 => typeof(OpenRouterPaymentRequiredException),
                403 => typeof(OpenRouterPermissionDeniedException),
                404 => typeof(OpenRouterNotFoundException),
                408 or 524 => typeof(OpenRouterTimeoutException),
                429 => typeof(OpenRouterRateLimitException),
                >= 500 => typeof(OpenRouterServerException),
                _ => typeof(OpenRouterException),
            }, exception.GetType());
        }), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Edited_answers_parse_or_throw_only_OpenRouterExceptions()
    {
        var cases =
            from answer in ImageAnswers.Answer
            from seeds in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), EditsPerAnswer)
            from edits in Gen.ArrayOf(Mutation.Edits, EditsPerAnswer)
            select (Answer: answer, Seeds: seeds, Edits: edits);
        var malformed = 0;
        await Task.Run(() => FuzzCheck.Run("image answers edited", cases, MutatedAnswerCount, edited =>
        {
            for (var i = 0; i < EditsPerAnswer; i++)
            {
                var bytes = i % 2 == 0
                    ? Mutation.Apply(edited.Answer.Bytes, edited.Edits[i], Snippets)
                    : Encoding.UTF8.GetBytes(JsonShapeFuzzer.Mutate(edited.Answer.Node, new Random(edited.Seeds[i]), Keys));
                try
                {
                    ImageResponseParser.Parse(bytes, Model, "gen-header");
                }
                catch (OpenRouterException exception)
                {
                    malformed += exception is OpenRouterMalformedResponseException ? 1 : 0;
                    FuzzLedger.Record("image", exception);
                }
                catch (Exception exception)
                {
                    throw new InvalidOperationException($"{exception.GetType().Name} escaped instead of an OpenRouterException for: {FuzzCheck.Show(bytes)}", exception);
                }
            }
        }, EditsPerAnswer), TestContext.Current.CancellationToken);
        Assert.InRange(malformed, 1, MutatedAnswerCount * EditsPerAnswer);
    }
}

/// <summary>A generated image answer: the body, its JSON, and the images (bytes, media type) it must yield in order.</summary>
internal sealed record ImageAnswer(byte[] Bytes, JsonObject Node, IReadOnlyList<(byte[] Data, string MediaType)> Images)
{
    public override string ToString() => "image answer: " + FuzzCheck.Show(Bytes);
}

/// <summary>FsCheck generators of image-generation answers in every shape the parser documents.</summary>
internal static class ImageAnswers
{
    private static readonly byte[][] Signatures =
    [
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], "GIF89a"u8.ToArray(), "GIF87a"u8.ToArray(),
        [.. "RIFF"u8, 1, 2, 3, 4, .. "WEBP"u8], [],
    ];

    private static readonly Gen<byte[]> ImageBytes =
        from signature in Gen.Elements(Signatures)
        from length in Gen.Choose(1, 48)
        from rest in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
        select (byte[])[.. signature, .. rest];

    private static readonly Gen<string> MediaType = Gen.Elements("image/png", "image/jpeg", "image/webp", "image/gif", "IMAGE/PNG", "image/svg+xml", "image/x-icon");

    private static readonly Gen<string> Text = Gen.Elements("", "Here is your image.", "Voilà", "two\nlines", "50% done", "see below:", "😀");

    /// <summary>One image, as one of the shapes; returns the JSON it is written as, where it goes, and what it must read as.</summary>
    private static readonly Gen<Placed> Image =
        from data in ImageBytes
        from mediaType in MediaType
        from shape in Gen.Choose(0, 10)
        from variant in Gen.Choose(0, 7)
        select Place(data, mediaType, shape, variant);

    /// <summary>An answer with one to four choices' worth of images, text beside them, usage and an id now and then.</summary>
    public static Gen<ImageAnswer> Answer { get; } =
        from images in Gen.Choose(1, 5).SelectMany(count => Gen.ArrayOf(Image, count))
        from texts in Gen.ArrayOf(Text, 6)
        from contentAsString in Gen.Elements(false, true)
        from choices in Gen.Choose(1, 2)
        from extras in Gen.Choose(0, 7)
        select Build(images, texts, contentAsString, choices, extras);

    private static Placed Place(byte[] data, string mediaType, int shape, int variant)
    {
        var base64 = Convert.ToBase64String(data);
        // Whitespace inside and around base64 is allowed in data URLs and parts (not in URLs embedded in text).
        var spaced = variant == 1 ? " " + base64 + "\n" : variant == 2 && base64.Length > 4 ? base64[..4] + "\r\n" + base64[4..] : base64;
        var lowered = mediaType.ToLowerInvariant();
        var dataUrl = variant switch
        {
            3 => $"data:{mediaType};charset=binary;base64,{spaced}",
            4 => $"DATA:{mediaType};BASE64,{spaced}",
            5 => $"data:;base64,{spaced}",
            _ => $"data:{mediaType};base64,{spaced}",
        };
        var urlType = variant == 5 ? "image/png" : lowered;
        switch (shape)
        {
            case 0:
                return new Placed(Where.ImagesList, new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = dataUrl } }, data, urlType);
            case 1:
                return new Placed(Where.ImagesList, new JsonObject { ["imageUrl"] = new JsonObject { ["url"] = dataUrl }, ["revised_prompt"] = "a cat" }, data, urlType);
            case 2:
                return new Placed(Where.ImagesList, new JsonObject { ["image_url"] = dataUrl }, data, urlType);
            case 3:
                return new Placed(Where.Part, new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = dataUrl } }, data, urlType);
            case 4:
                return new Placed(Where.Part, new JsonObject { ["imageUrl"] = dataUrl }, data, urlType);
            case 5:
                var typed = variant % 4;
                var part = new JsonObject { ["b64_json"] = spaced };
                if (variant % 2 == 0)
                {
                    part["type"] = "b64_json";
                }
                string expected;
                if (typed == 1)
                {
                    part["media_type"] = mediaType;
                    expected = lowered;
                }
                else if (typed == 3)
                {
                    part["mimeType"] = mediaType;
                    expected = lowered;
                }
                else
                {
                    expected = Sniff(data) ?? "image/png";
                }
                return new Placed(Where.Part, part, data, expected);
            case 6:
                return variant % 2 == 0
                    ? new Placed(Where.Part, new JsonObject { ["inline_data"] = new JsonObject { ["mime_type"] = mediaType, ["data"] = spaced } }, data, lowered)
                    : new Placed(Where.Part, new JsonObject { ["type"] = "inlineData", ["inlineData"] = new JsonObject { ["mimeType"] = mediaType, ["data"] = spaced } }, data, lowered);
            case 7:
                return new Placed(Where.Part, new JsonObject { ["inlineData"] = new JsonObject { ["data"] = base64 } }, data, "image/png");
            default:
                // Embedded in a content string: "data:image/<subtype>;base64,…", bare or as a Markdown image.
                var subtype = lowered.StartsWith("image/", StringComparison.Ordinal) && lowered[6..].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-')
                    ? mediaType[6..] : "png";
                var embedded = $"data:image/{subtype};base64,{base64}";
                var written = variant % 2 == 0 ? embedded : $"![image {variant}]( {embedded} )";
                return new Placed(Where.ContentString, JsonValue.Create(written), data, "image/" + subtype.ToLowerInvariant());
        }
    }

    private static ImageAnswer Build(Placed[] images, string[] texts, bool contentAsString, int choiceCount, int extras)
    {
        var choices = new JsonArray();
        var expected = new List<(byte[], string)>();
        var perChoice = (images.Length + choiceCount - 1) / choiceCount;
        for (var c = 0; c < choiceCount; c++)
        {
            var mine = images.Skip(c * perChoice).Take(perChoice).ToList();
            var message = new JsonObject { ["role"] = "assistant" };
            // The parser reads a message's images[] first, then its content.
            var listed = mine.Where(image => image.Where == Where.ImagesList).ToList();
            if (listed.Count > 0)
            {
                message["images"] = new JsonArray([.. listed.Select(image => image.Json)]);
            }
            expected.AddRange(listed.Select(image => (image.Data, image.MediaType)));
            var inContent = mine.Where(image => image.Where != Where.ImagesList).ToList();
            if (contentAsString && inContent.All(image => image.Where == Where.ContentString))
            {
                var content = new StringBuilder(texts[0]);
                var t = 1;
                foreach (var image in inContent)
                {
                    content.Append(' ').Append(image.Json!.GetValue<string>()).Append(' ').Append(texts[t++ % texts.Length]);
                }
                message["content"] = content.ToString();
            }
            else
            {
                var parts = new JsonArray();
                var t = 0;
                foreach (var image in inContent)
                {
                    parts.Add(new JsonObject { ["type"] = "text", ["text"] = texts[t++ % texts.Length] });
                    parts.Add(image.Where == Where.ContentString
                        ? new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = image.Json!.GetValue<string>().TrimStart('!', '[').Split('(').Last().Trim(' ', ')') } }
                        : image.Json!.DeepClone());
                }
                if (parts.Count > 0 || extras % 2 == 0)
                {
                    message["content"] = parts.Count > 0 ? parts : null;
                }
            }
            expected.AddRange(inContent.Select(image => (image.Data, image.MediaType)));
            choices.Add(new JsonObject { ["index"] = c, ["message"] = message, ["finish_reason"] = "stop" });
        }
        var root = new JsonObject { ["id"] = extras % 3 == 0 ? null : "gen-img-" + extras, ["object"] = "chat.completion", ["model"] = "google/gemini", ["choices"] = choices };
        if (extras % 2 == 1)
        {
            root["usage"] = new JsonObject { ["prompt_tokens"] = 12, ["completion_tokens"] = 1290, ["cost"] = 0.039 };
        }
        if (extras == 6)
        {
            root["provider"] = "Google";
            root["error"] = null;
        }
        var json = root.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(extras == 4 ? "\n\n   " + json : json);
        return new ImageAnswer(bytes, root, expected);
    }

    private static string? Sniff(byte[] data) =>
        data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : data.AsSpan().StartsWith("GIF87a"u8) || data.AsSpan().StartsWith("GIF89a"u8) ? "image/gif"
        : data.Length >= 12 && data.AsSpan().StartsWith("RIFF"u8) && data.AsSpan(8, 4).SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    private enum Where
    {
        ImagesList,
        Part,
        ContentString,
    }

    private sealed record Placed(Where Where, JsonNode? Json, byte[] Data, string MediaType);
}
