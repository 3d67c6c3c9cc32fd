using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Models;

namespace OpenClaw.Core.Tests.Models;

public sealed class ModelCatalogCacheTests : IDisposable
{
    private const string BaseUrl = "https://openrouter.ai/api/v1";

    private const string Catalog = """
        {"data":[
          {"id":"anthropic/claude-sonnet-4.6","name":"Anthropic: Claude Sonnet 4.6","context_length":1000000,
           "architecture":{"modality":"text+image->text"},"supported_parameters":["reasoning","tools"],
           "pricing":{"prompt":"0.000003","completion":"0.000015"},"extra":{"kept":[1,2.50,"x"]}},
          {"id":"openrouter/auto","name":"Auto Router","context_length":2000000,"supported_parameters":["reasoning"]},
          {"id":"black-forest-labs/flux","architecture":{"output_modalities":["image"]}},
          {"name":"no id"}
        ]}
        """;

    private static readonly DateTimeOffset FetchTime = new(2026, 11, 24, 0, 46, 4, 749, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(FetchTime);

    public void Dispose() => _directory.Dispose();

    private string CachePath => _directory.Combine("cache", "openrouter-models.json");

    private ModelCatalogCache Cache(TimeSpan? timeToLive = null) => new(CachePath, _time, timeToLive);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Fact]
    public void A_saved_catalog_loads_back_with_its_live_rows_timestamp_and_base_url()
    {
        Cache().Save(Parse(Catalog), BaseUrl);

        var loaded = Cache().Load();

        Assert.NotNull(loaded);
        Assert.Equal(FetchTime, loaded.FetchedAt);
        Assert.Equal(BaseUrl, loaded.BaseUrl);
        Assert.True(loaded.IsFresh);
        Assert.Equal(["anthropic/claude-sonnet-4.6", "openrouter/auto"], loaded.Models.Select(m => m.Id));
        var sonnet = loaded.Models[0];
        Assert.Equal("Anthropic: Claude Sonnet 4.6", sonnet.Name);
        Assert.True(sonnet.Reasoning);
        Assert.Equal(["text", "image"], sonnet.Input);
        Assert.Equal(1_000_000, sonnet.ContextWindow);
        Assert.Equal(3m, sonnet.Pricing.Input);
        Assert.Equal(15m, sonnet.Pricing.Output);
    }

    [Fact]
    public void The_file_holds_fetched_at_base_url_and_the_rows_verbatim()
    {
        Cache().Save(Parse(Catalog), BaseUrl);

        using var written = JsonDocument.Parse(File.ReadAllBytes(CachePath));
        var root = written.RootElement;

        Assert.Equal(["fetchedAt", "baseUrl", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-24T00:46:04.749+00:00", root.GetProperty("fetchedAt").GetString());
        Assert.Equal(BaseUrl, root.GetProperty("baseUrl").GetString());
        using var original = JsonDocument.Parse(Catalog);
        var originalRows = original.RootElement.GetProperty("data").EnumerateArray().Select(r => r.GetRawText()).ToList();
        var writtenRows = root.GetProperty("data").EnumerateArray().Select(r => r.GetRawText()).ToList();
        Assert.Equal(originalRows.Select(Minify), writtenRows);
    }

    [Fact]
    public void A_catalog_without_a_data_array_is_stored_as_empty()
    {
        Cache().Save(Parse("""{"error":"nothing"}"""), BaseUrl);

        var loaded = Cache().Load();

        Assert.NotNull(loaded);
        Assert.Empty(loaded.Models);
    }

    [Fact]
    public void Saving_something_other_than_an_object_is_refused() =>
        Assert.Throws<ArgumentException>(() => Cache().Save(Parse("[]"), BaseUrl));

    [Fact]
    public void The_catalog_is_fresh_until_the_time_to_live_has_passed()
    {
        var cache = Cache(TimeSpan.FromHours(1));
        cache.Save(Parse(Catalog), BaseUrl);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(cache.Load()!.IsFresh);

        _time.Advance(TimeSpan.FromMinutes(1));
        var stale = cache.Load();
        Assert.NotNull(stale);
        Assert.False(stale.IsFresh);
        Assert.Equal(2, stale.Models.Count);
    }

    [Fact]
    public void The_default_time_to_live_is_a_day()
    {
        var cache = Cache();
        cache.Save(Parse(Catalog), BaseUrl);

        _time.Advance(TimeSpan.FromHours(23.9));
        Assert.True(cache.Load()!.IsFresh);
        _time.Advance(TimeSpan.FromHours(0.1));
        Assert.False(cache.Load()!.IsFresh);
        Assert.Equal(TimeSpan.FromHours(24), ModelCatalogCache.DefaultTimeToLive);
    }

    [Fact]
    public void A_catalog_stamped_in_the_future_is_not_fresh()
    {
        Cache().Save(Parse(Catalog), BaseUrl);
        var earlier = new ModelCatalogCache(CachePath, new FakeTimeProvider(FetchTime - TimeSpan.FromHours(2)));

        Assert.False(earlier.Load()!.IsFresh);
    }

    [Fact]
    public void Timestamps_with_other_offsets_are_read_as_the_same_instant()
    {
        WriteRaw("""{"fetchedAt":"2026-11-24T01:46:04.749+01:00","baseUrl":"https://x/api/v1","data":[]}""");

        var loaded = Cache().Load();

        Assert.NotNull(loaded);
        Assert.Equal(FetchTime, loaded.FetchedAt);
        Assert.True(loaded.IsFresh);
    }

    [Fact]
    public void A_missing_file_or_directory_loads_as_null()
    {
        Assert.Null(Cache().Load());
        Assert.Null(Cache().LoadDocument());
        Assert.False(Directory.Exists(Path.GetDirectoryName(CachePath)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"fetchedAt":"2026-11-24T00:46:04.749+00:00","data":{}}""")]
    [InlineData("""{"fetchedAt":"yesterday","data":[]}""")]
    [InlineData("""{"fetchedAt":12345,"data":[]}""")]
    [InlineData("""{"fetchedAt":"2026-11-24T00:46:04.749+00:00","data":[1,2,3]} trailing""")]
    public void A_corrupt_file_loads_as_null(string content)
    {
        WriteRaw(content);

        Assert.Null(Cache().Load());
        Assert.Null(Cache().LoadDocument());
    }

    [Fact]
    public void Binary_garbage_loads_as_null()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        File.WriteAllBytes(CachePath, [0xFF, 0xFE, 0x00, 0x7B, 0x80]);

        Assert.Null(Cache().Load());
    }

    [Fact]
    public void A_directory_in_place_of_the_file_loads_as_null()
    {
        Directory.CreateDirectory(CachePath);

        Assert.Null(Cache().Load());
        Assert.Null(Cache().LoadDocument());
    }

    [Fact]
    public void Unusable_rows_are_skipped_but_the_rest_load()
    {
        WriteRaw("""{"fetchedAt":"2026-11-24T00:46:04.749+00:00","baseUrl":"b","data":[1,"x",null,{"id":""},{"id":"a/b"}]}""");

        var loaded = Cache().Load();

        Assert.NotNull(loaded);
        Assert.Equal(["a/b"], loaded.Models.Select(m => m.Id));
    }

    [Fact]
    public void A_missing_base_url_reads_as_empty()
    {
        WriteRaw("""{"fetchedAt":"2026-11-24T00:46:04.749+00:00","data":[]}""");

        Assert.Equal("", Cache().Load()?.BaseUrl);
    }

    [Fact]
    public void LoadDocument_returns_the_whole_cache_document()
    {
        Cache().Save(Parse(Catalog), BaseUrl);

        using var document = Cache().LoadDocument();

        Assert.NotNull(document);
        Assert.Equal(4, document.RootElement.GetProperty("data").GetArrayLength());
        Assert.Equal(BaseUrl, document.RootElement.GetProperty("baseUrl").GetString());
        var read = Cache().Read(document);
        Assert.NotNull(read);
        Assert.Equal(2, read.Models.Count);
    }

    [Fact]
    public void Saving_replaces_the_previous_catalog_and_leaves_no_temporary_file()
    {
        var cache = Cache();
        cache.Save(Parse(Catalog), BaseUrl);
        _time.Advance(TimeSpan.FromMinutes(5));

        cache.Save(Parse("""{"data":[{"id":"z-ai/glm-5"}]}"""), "https://proxy.example/v1");

        Assert.Equal(["openrouter-models.json"], Directory.GetFiles(Path.GetDirectoryName(CachePath)!).Select(Path.GetFileName));
        var loaded = cache.Load();
        Assert.NotNull(loaded);
        Assert.Equal(["z-ai/glm-5"], loaded.Models.Select(m => m.Id));
        Assert.Equal("https://proxy.example/v1", loaded.BaseUrl);
        Assert.Equal(FetchTime + TimeSpan.FromMinutes(5), loaded.FetchedAt);
    }

    [Fact]
    public void The_file_and_its_new_directory_are_private_to_the_owner()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        Cache().Save(Parse(Catalog), BaseUrl);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CachePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(CachePath)!));
    }

    [Fact]
    public void A_symbolic_link_in_place_of_the_file_is_not_written_through()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        var target = _directory.Combine("elsewhere.json");
        File.WriteAllText(target, "{}");
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        File.CreateSymbolicLink(CachePath, target);

        Assert.Throws<OpenClawException>(() => Cache().Save(Parse(Catalog), BaseUrl));
        Assert.Equal("{}", File.ReadAllText(target));
    }

    [Fact]
    public void The_path_is_kept_as_given() => Assert.Equal(CachePath, Cache().Path);

    [Fact]
    public void Four_hundred_rows_load_quickly()
    {
        var rows = string.Join(",", Enumerable.Range(0, 400).Select(i =>
            $$$"""{"id":"author{{{i}}}/model-{{{i}}}","name":"Model {{{i}}}","context_length":131072,"architecture":{"modality":"text+image->text","input_modalities":["text","image"],"output_modalities":["text"]},"pricing":{"prompt":"0.0000001","completion":"0.0000004"},"supported_parameters":["reasoning","tools","temperature"],"top_provider":{"context_length":131072,"max_completion_tokens":16384}}"""));
        var cache = Cache();
        cache.Save(Parse($$"""{"data":[{{rows}}]}"""), BaseUrl);
        cache.Load();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var loaded = cache.Load();
        watch.Stop();

        Assert.Equal(400, loaded!.Models.Count);
        // Generous for a loaded CI machine; a warm load takes a few milliseconds.
        Assert.True(watch.ElapsedMilliseconds < 500, $"took {watch.ElapsedMilliseconds} ms");
    }

    private void WriteRaw(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        File.WriteAllText(CachePath, content, new UTF8Encoding(false));
    }

    private static string Minify(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            document.RootElement.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
