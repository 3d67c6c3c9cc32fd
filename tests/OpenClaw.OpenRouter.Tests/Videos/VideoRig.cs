using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Tests.Support;
using OpenClaw.OpenRouter.Videos;

namespace OpenClaw.OpenRouter.Tests.Videos;

/// <summary>
/// An emulator (with its foreign origin) and a client on a <see cref="VideoClock"/>, configured with one of the
/// <see cref="TestRoute"/> base URLs, plus views of the journal by kind of video request.
/// </summary>
internal sealed class VideoRig : IAsyncDisposable
{
    public const string Prompt = "A slow pan over a lake";
    public const string Veo = "google/veo-3.1-fast";

    /// <summary>Headers the transport or the test route adds, not the client: left out when comparing header sets.</summary>
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "X-Forwarded-Proto", "X-Forwarded-Host", "traceparent", "tracestate",
    };

    private readonly List<string> _warnings = [];

    private VideoRig(OpenRouterEmulator emulator, VideoClock clock, VideoRouteHandler handler, OpenRouterClient client)
    {
        Emulator = emulator;
        Clock = clock;
        Handler = handler;
        Client = client;
    }

    public OpenRouterEmulator Emulator { get; }
    public VideoClock Clock { get; }
    public VideoRouteHandler Handler { get; }
    public OpenRouterClient Client { get; private set; }

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_warnings)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary>The spec's example: <c>--duration 5 --resolution 1080P --aspect-ratio 9:16 --audio</c>.</summary>
    public static OpenRouterVideoRequest SpecExample { get; } = new()
    {
        Prompt = Prompt,
        Model = "openrouter/google/veo-3.1-fast",
        DurationSeconds = 5,
        Resolution = "1080P",
        AspectRatio = "9:16",
        GenerateAudio = true,
    };

    public static async Task<VideoRig> StartAsync(TestRoute route = TestRoute.Local, int pollsToComplete = 2,
        Action<OpenRouterClientOptions>? configure = null, ModelCatalog? catalog = null)
    {
        var emulator = await OpenRouterEmulator.StartAsync(new EmulatorOptions
        {
            ForeignPort = 0,
            VideoPollsToComplete = pollsToComplete,
            Catalog = catalog,
        }, TestContext.Current.CancellationToken);
        var clock = new VideoClock();
        var handler = new VideoRouteHandler(emulator.Origin, emulator.ForeignOrigin, clock);
        var rig = new VideoRig(emulator, clock, handler, null!);
        var options = new OpenRouterClientOptions
        {
            ApiKey = ApiKeyRegistry.DefaultKey,
            BaseUrl = ClientHarness.BaseUrlOf(route, emulator),
            Attribution = OpenRouterAttribution.OpenClaw,
            Handler = handler,
            TimeProvider = clock,
            CapabilityCatalogUrl = null,
            Warning = warning =>
            {
                lock (rig._warnings)
                {
                    rig._warnings.Add(warning);
                }
            },
        };
        configure?.Invoke(options);
        rig.Client = new OpenRouterClient(options);
        return rig;
    }

    /// <summary>Runs a job to its end, moving the clock through its poll pauses.</summary>
    public Task<OpenRouterVideoResult> RunAsync(OpenRouterVideoRequest request, IProgress<OpenRouterVideoProgress>? progress = null) =>
        Clock.DriveAsync(Client.GenerateVideoAsync(request, progress, TestContext.Current.CancellationToken));

    public IReadOnlyList<JournalEntry> ModelLists => Where(e => e.Method == "GET" && e.Path == "/api/v1/videos/models");

    public IReadOnlyList<JournalEntry> Submits => Where(e => e.Method == "POST" && e.Path == "/api/v1/videos");

    public IReadOnlyList<JournalEntry> Polls => Where(e => e.Method == "GET" && e.Origin == Emulator.Origin.GetLeftPart(UriPartial.Authority)
        && e.Path.StartsWith("/api/v1/videos/job-", StringComparison.Ordinal) && !e.Path.EndsWith("/content", StringComparison.Ordinal));

    public IReadOnlyList<JournalEntry> Downloads => Where(e => e.Method == "GET"
        && (e.Path.EndsWith("/content", StringComparison.Ordinal) || e.Path.StartsWith("/media/videos/", StringComparison.Ordinal)));

    /// <summary>What the client put on a request: its headers without those of the transport and the test route.</summary>
    public static IReadOnlyDictionary<string, string> ClientHeaders(JournalEntry entry) =>
        entry.Headers.Where(pair => !TransportHeaders.Contains(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The headers every same-origin video request carries on <paramref name="route"/> (plus <c>Content-Type</c> on the submit).</summary>
    public static Dictionary<string, string> ExpectedHeaders(TestRoute route, bool submit)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = "Bearer " + ApiKeyRegistry.DefaultKey,
            ["HTTP-Referer"] = "https://openclaw.ai",
            ["X-OpenRouter-Title"] = "OpenClaw",
        };
        if (route is TestRoute.Canonical or TestRoute.OtherOpenRouterHost)
        {
            headers["X-OpenRouter-Categories"] = OpenRouterAttribution.OpenClaw.Categories!;
        }
        if (submit)
        {
            headers["Content-Type"] = "application/json";
        }
        return headers;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Handler.Dispose();
        await Emulator.DisposeAsync();
    }

    private IReadOnlyList<JournalEntry> Where(Func<JournalEntry, bool> predicate) => [.. Emulator.Journal.Entries.Where(predicate)];
}
