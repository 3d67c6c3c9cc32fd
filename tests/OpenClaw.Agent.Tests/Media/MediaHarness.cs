using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OpenClaw.Agent.Media;
using OpenClaw.Agent.Tests.Support;
using OpenClaw.Core.Config;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Agent.Tests.Media;

/// <summary>
/// An emulator, a client pointed at it (through the redirecting handler, so the network guard is not in play), a state
/// directory for media, and a clock on which a video job's polls pass at once.
/// </summary>
internal sealed class MediaHarness : IAsyncDisposable
{
    private readonly EmulatorRedirectHandler _handler;

    private MediaHarness(OpenRouterEmulator emulator, EmulatorRedirectHandler handler, Route route)
    {
        Emulator = emulator;
        _handler = handler;
        Route = route;
    }

    public OpenRouterEmulator Emulator { get; }

    public Route Route { get; }

    /// <summary>The URLs the clients asked for, before the handler landed them on the emulator.</summary>
    public IReadOnlyList<Uri> RequestedUrls => _handler.Requested;

    public TemporaryDirectory Directory { get; } = new();

    public SleepSkippingTimeProvider Time { get; } = new();

    public string MediaDirectory => Directory.Combine("state", "media");

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The bodies of the emulator's requests to paths ending in <paramref name="suffix"/>.</summary>
    public IReadOnlyList<JournalEntry> Requests(string suffix) =>
        [.. Emulator.Journal.Entries.Where(entry => entry.Path.EndsWith(suffix, StringComparison.Ordinal))];

    public IReadOnlyList<JsonObject> ImageBodies => [.. Requests("/chat/completions").Select(entry => entry.BodyJson!.AsObject())];

    public IReadOnlyList<JsonObject> VideoSubmits =>
        [.. Emulator.Journal.Entries.Where(entry => entry.Method == "POST" && entry.Path.EndsWith("/videos", StringComparison.Ordinal)).Select(entry => entry.BodyJson!.AsObject())];

    public static async Task<MediaHarness> StartAsync(Route route = Route.Canonical, EmulatorOptions? options = null)
    {
        var emulator = await OpenRouterEmulator.StartAsync(options, Token);
        return new MediaHarness(emulator, new EmulatorRedirectHandler(emulator.Origin), route);
    }

    /// <summary>A client as the CLI makes one: OpenClaw's attribution, the configured key, the harness's clock.</summary>
    public OpenRouterClient Client(string? apiKey = ApiKeyRegistry.DefaultKey, long? mediaMaxBytes = null) => new(new OpenRouterClientOptions
    {
        ApiKey = apiKey,
        BaseUrl = Route == Route.Canonical ? OpenRouterClientOptions.CanonicalBaseUrl.AbsoluteUri : Emulator.BaseUrl.AbsoluteUri,
        CapabilityCatalogUrl = new Uri(Emulator.BaseUrl.AbsoluteUri + "/models"),
        Attribution = OpenRouterAttribution.OpenClaw,
        Handler = _handler,
        TimeProvider = Time,
        MediaMaxBytes = mediaMaxBytes ?? MediaLimits.DefaultMaxBytes,
    });

    public MediaGenerationSettings Settings(ModelSelection? image = null, ModelSelection? video = null, long? maxBytes = null) => new()
    {
        ImageModel = image ?? ModelSelection.None,
        VideoModel = video ?? ModelSelection.None,
        MediaDirectory = MediaDirectory,
        MaxBytes = maxBytes ?? MediaLimits.DefaultMaxBytes,
    };

    public MediaFileStore Store() => new(MediaDirectory, Time);

    public MediaInputReader Inputs() => new(Directory.Path, null);

    /// <summary>Adds a second video model, <c>google/veo-3.1</c> (a copy of Veo 3.1 Fast's rows), so a video chain can fall back.</summary>
    public async Task AddSecondVideoModelAsync(string id = "google/veo-3.1")
    {
        using var http = new HttpClient(new EmulatorRedirectHandler(Emulator.Origin));
        var models = JsonNode.Parse(await http.GetStringAsync(new Uri(Emulator.BaseUrl.AbsoluteUri + "/models?output_modalities=all"), Token))!;
        using var videoRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.BaseUrl.AbsoluteUri + "/videos/models"));
        videoRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyRegistry.DefaultKey);
        using var videoResponse = await http.SendAsync(videoRequest, Token);
        var videoModels = JsonNode.Parse(await videoResponse.Content.ReadAsStringAsync(Token))!;
        var modelRows = models["data"]!.AsArray();
        var videoRows = videoModels["data"]!.AsArray();
        var modelRow = modelRows.First(row => (string?)row!["id"] == "google/veo-3.1-fast")!.DeepClone();
        var videoRow = videoRows.First(row => (string?)row!["id"] == "google/veo-3.1-fast")!.DeepClone();
        modelRow["id"] = id;
        modelRow["canonical_slug"] = id;
        videoRow["id"] = id;
        videoRow["canonical_slug"] = id;
        modelRows.Add(modelRow);
        videoRows.Add(videoRow);
        Emulator.Catalog = ModelCatalog.FromJson(models.ToJsonString(), videoModels.ToJsonString());
        Emulator.Journal.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        _handler.Dispose();
        await Emulator.DisposeAsync();
        Directory.Dispose();
    }
}
