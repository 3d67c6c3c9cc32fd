using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.Reliability.Tests.Fuzzing;

/// <summary>
/// The video answer parsers (<see cref="VideoJobAnswer"/> for submit and status answers, <see cref="VideoModelCatalog"/> for
/// <c>GET /videos/models</c>; API §8, provider spec §16) under FsCheck: generated answers read as the values they were written
/// from (strings trimmed, known statuses, <c>unsigned_urls</c>, cost, BYOK; durations, resolutions upper-cased, lists without
/// repeats), and edited answers throw only <see cref="OpenRouterException"/>s.
/// </summary>
public sealed class VideoResponseFuzzTests
{
    public const int ValidCount = 30_000;
    public const int MutatedCount = 20_000;
    public const int EditsPerAnswer = 4;

    private static readonly string[] Statuses = ["queued", "pending", "in_progress", "processing", "running", "completed", "failed", "cancelled", "expired"];

    private static readonly string[] Keys =
    [
        "id", "polling_url", "status", "generation_id", "unsigned_urls", "error", "model", "usage", "cost", "is_byok", "data",
        "supported_durations", "supported_resolutions", "supported_aspect_ratios", "supported_sizes", "generate_audio", "supported_frame_images",
    ];

    private static readonly string[] Snippets = ["{", "}", "[", "]", ",", ":", "\"", "null", "\\u0000", "\\ud800", "1e400", "\"status\":\"weird\",", "\uFEFF", " "];

    private static readonly Gen<string> Word = Gen.Elements("job-1", "  padded  ", "https://openrouter.ai/api/v1/videos/job-1", "gen-7", "Ünïcode", "a\tb", "x");

    private static readonly Gen<string?> MaybeWord = Gen.Frequency((3, Word.Select(word => (string?)word)), (1, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("", "   ")));

    private static readonly Gen<VideoAnswer> Job =
        from id in MaybeWord
        from polling in MaybeWord
        from status in Gen.Frequency((4, Gen.Elements(Statuses).Select(s => (string?)s)), (1, Gen.Constant<string?>(null)))
        from generation in MaybeWord
        from urls in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Word, n))
        from error in MaybeWord
        from model in MaybeWord
        from cost in Gen.Frequency((2, Gen.Choose(0, 1_000_000).Select(n => (decimal?)(n / 10_000m))), (1, Gen.Constant<decimal?>(null)))
        from byok in Gen.Elements<bool?>(true, false, null)
        from usage in Gen.Elements(true, false)
        select BuildJob(id, polling, status, generation, urls, error, model, cost, byok, usage);

    private static readonly Gen<CatalogAnswer> Catalog =
        from count in Gen.Choose(0, 5)
        from rows in Gen.ArrayOf(CatalogRow, count)
        from bare in Gen.Elements(false, true)
        select BuildCatalog(rows, bare);

    private static Gen<JsonObject> CatalogRow =>
        from id in Gen.Elements("google/veo-3.1-fast", "  openai/sora-2  ", "kling/v2", "", "GOOGLE/VEO-3.1-FAST")
        from durations in Gen.ArrayOf(Gen.Elements<JsonNode?>(4, 6, 8, 10, 5, 0, -1, 1.5, 2147483648L, "4", null), 4)
        from resolutions in Gen.ArrayOf(Gen.Elements("720p", "1080P", " 4k ", "", "720P"), 3)
        from ratios in Gen.ArrayOf(Gen.Elements("16:9", "9:16", "1:1", " 16:9 "), 3)
        from frames in Gen.ArrayOf(Gen.Elements("first_frame", "last_frame", "first_frame", " "), 2)
        from audio in Gen.Elements<JsonNode?>(true, false, "true", null)
        select new JsonObject
        {
            ["id"] = id,
            ["supported_durations"] = new JsonArray([.. durations.Select(d => d?.DeepClone())]),
            ["supported_resolutions"] = new JsonArray([.. resolutions.Select(r => (JsonNode?)r)]),
            ["supported_aspect_ratios"] = new JsonArray([.. ratios.Select(r => (JsonNode?)r)]),
            ["supported_frame_images"] = new JsonArray([.. frames.Select(f => (JsonNode?)f)]),
            ["generate_audio"] = audio?.DeepClone(),
        };

    [Fact(Timeout = 300_000)]
    public async Task Job_answers_read_as_the_values_they_were_written_from()
    {
        await Task.Run(() => FuzzCheck.Run("video job answers valid", Job, ValidCount, answer =>
        {
            var read = VideoJobAnswer.Parse(answer.Bytes);
            Check(answer, answer.Id, read.Id, "id");
            Check(answer, answer.PollingUrl, read.PollingUrl, "polling_url");
            Check(answer, answer.Status, read.Status?.Value, "status");
            Check(answer, answer.GenerationId, read.GenerationId, "generation_id");
            Check(answer, answer.Error, read.Error, "error");
            Check(answer, answer.Model, read.Model, "model");
            Check(answer, string.Join('|', answer.Urls), string.Join('|', read.UnsignedUrls), "unsigned_urls");
            Check(answer, answer.Cost?.ToString(System.Globalization.CultureInfo.InvariantCulture), read.Cost?.ToString(System.Globalization.CultureInfo.InvariantCulture), "cost");
            Check(answer, answer.IsByok?.ToString(), read.IsByok?.ToString(), "is_byok");
            // Submit needs id and polling_url; a status poll needs a status.
            Expect(answer, answer.Id is not null && answer.PollingUrl is not null, () => VideoJobAnswer.ParseSubmit(answer.Bytes), "submit");
            Expect(answer, answer.Status is not null, () => VideoJobAnswer.ParseStatus(answer.Bytes), "status");
        }), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Model_catalogs_read_as_the_rows_they_were_written_from()
    {
        await Task.Run(() => FuzzCheck.Run("video model catalogs valid", Catalog, ValidCount, catalog =>
        {
            var read = VideoModelCatalog.Read(catalog.Bytes);
            var expected = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in catalog.Rows)
            {
                var id = row["id"]!.GetValue<string>().Trim();
                if (id.Length > 0)
                {
                    expected.TryAdd(id, row);
                }
            }
            Check(catalog, string.Join('|', expected.Keys), string.Join('|', read.Keys), "ids");
            foreach (var (id, row) in expected)
            {
                var capabilities = read[id];
                var durations = row["supported_durations"]!.AsArray()
                    .Where(d => d is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                    .Select(d => double.Parse(d!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture))
                    .Where(s => s >= 1 && s <= int.MaxValue && Math.Floor(s) == s)
                    .Select(s => (int)s).Distinct().Order().ToList();
                Check(catalog, string.Join(',', durations.Count > 0 ? durations : [4, 6, 8]), string.Join(',', capabilities.Durations), id + " durations");
                Check(catalog, string.Join(',', Strings(row, "supported_resolutions").Select(r => r.ToUpperInvariant()).Distinct()), string.Join(',', capabilities.Resolutions), id + " resolutions");
                Check(catalog, string.Join(',', Strings(row, "supported_aspect_ratios").Distinct()), string.Join(',', capabilities.AspectRatios), id + " ratios");
                var frames = Strings(row, "supported_frame_images").Distinct().ToList();
                Check(catalog, string.Join(',', frames), string.Join(',', capabilities.FrameTypes), id + " frames");
                Check(catalog, frames.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), capabilities.MaxInputImages.ToString(System.Globalization.CultureInfo.InvariantCulture), id + " max images");
                Check(catalog, (row["generate_audio"] is JsonValue a && a.GetValueKind() == System.Text.Json.JsonValueKind.True).ToString(), capabilities.SupportsAudio.ToString(), id + " audio");
            }
        }), TestContext.Current.CancellationToken);
    }

    [Fact(Timeout = 300_000)]
    public async Task Edited_answers_read_or_throw_only_OpenRouterExceptions()
    {
        var cases =
            from job in Job
            from catalog in Catalog
            from seeds in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), EditsPerAnswer)
            from edits in Gen.ArrayOf(Mutation.Edits, EditsPerAnswer)
            select (Job: job, Catalog: catalog, Seeds: seeds, Edits: edits);
        await Task.Run(() => FuzzCheck.Run("video answers edited (job + catalog)", cases, MutatedCount, edited =>
        {
            for (var i = 0; i < EditsPerAnswer; i++)
            {
                var random = new Random(edited.Seeds[i]);
                var job = i % 2 == 0 ? Mutation.Apply(edited.Job.Bytes, edited.Edits[i], Snippets) : Encoding.UTF8.GetBytes(JsonShapeFuzzer.Mutate(edited.Job.Node, random, Keys));
                var catalog = i % 2 == 0 ? Mutation.Apply(edited.Catalog.Bytes, edited.Edits[i], Snippets) : Encoding.UTF8.GetBytes(JsonShapeFuzzer.Mutate(edited.Catalog.Node, random, Keys));
                Typed(job, () => VideoJobAnswer.ParseSubmit(job));
                Typed(job, () => VideoJobAnswer.ParseStatus(job));
                Typed(catalog, () => VideoModelCatalog.Read(catalog));
            }
        }, EditsPerAnswer * 2), TestContext.Current.CancellationToken);
    }

    private static void Typed(byte[] bytes, Action parse)
    {
        try
        {
            parse();
        }
        catch (OpenRouterException exception)
        {
            FuzzLedger.Record("video", exception);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"{exception.GetType().Name} escaped instead of an OpenRouterException for: {FuzzCheck.Show(bytes)}", exception);
        }
    }

    private static void Expect(object answer, bool succeeds, Action parse, string what)
    {
        try
        {
            parse();
            if (!succeeds)
            {
                throw new InvalidOperationException($"{what} accepted an answer it must refuse: {answer}");
            }
        }
        catch (OpenRouterMalformedResponseException exception) when (!succeeds)
        {
            FuzzLedger.Record("video", exception);
        }
    }

    private static IEnumerable<string> Strings(JsonObject row, string name) =>
        row[name]!.AsArray().Select(item => item!.GetValue<string>()).Where(text => !string.IsNullOrWhiteSpace(text)).Select(text => text.Trim());

    private static void Check(object answer, string? expected, string? actual, string what)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"{what}: expected \"{expected}\", read \"{actual}\" in {answer}");
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static VideoAnswer BuildJob(string? id, string? polling, string? status, string? generation, string[] urls, string? error, string? model, decimal? cost, bool? byok, bool usage)
    {
        var node = new JsonObject { ["id"] = id, ["polling_url"] = polling, ["status"] = status, ["generation_id"] = generation, ["error"] = error, ["model"] = model };
        if (urls.Length > 0)
        {
            node["unsigned_urls"] = new JsonArray([.. urls.Select(url => (JsonNode?)url)]);
        }
        if (usage)
        {
            node["usage"] = new JsonObject { ["cost"] = cost, ["is_byok"] = byok };
        }
        return new VideoAnswer(Encoding.UTF8.GetBytes(node.ToJsonString()), node, Trimmed(id), Trimmed(polling), status, Trimmed(generation),
            [.. urls.Select(url => url.Trim())], Trimmed(error), Trimmed(model), usage ? cost : null, usage ? byok : null);
    }

    private static CatalogAnswer BuildCatalog(JsonObject[] rows, bool bare)
    {
        JsonNode node = bare ? new JsonArray([.. rows]) : new JsonObject { ["data"] = new JsonArray([.. rows]) };
        return new CatalogAnswer(Encoding.UTF8.GetBytes(node.ToJsonString()), node, [.. ((bare ? node.AsArray() : node["data"]!.AsArray())).Select(row => row!.AsObject())]);
    }

    private sealed record VideoAnswer(byte[] Bytes, JsonObject Node, string? Id, string? PollingUrl, string? Status, string? GenerationId,
        string[] Urls, string? Error, string? Model, decimal? Cost, bool? IsByok)
    {
        public override string ToString() => "video job answer: " + FuzzCheck.Show(Bytes);
    }

    private sealed record CatalogAnswer(byte[] Bytes, JsonNode Node, JsonObject[] Rows)
    {
        public override string ToString() => "video model catalog: " + FuzzCheck.Show(Bytes);
    }
}
