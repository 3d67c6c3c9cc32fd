using OpenClaw.OpenRouter.Emulator.Account;
using OpenClaw.OpenRouter.Emulator.Cache;
using OpenClaw.OpenRouter.Emulator.Chat;
using OpenClaw.OpenRouter.Emulator.Videos;

namespace OpenClaw.OpenRouter.Emulator;

/// <summary>Everything one running emulator remembers, shared by its endpoints.</summary>
internal sealed class EmulatorState(EmulatorOptions options)
{
    private ModelCatalog _catalog = options.Catalog ?? ModelCatalog.Bundled;
    private long _generationCounter;

    public EmulatorOptions Options { get; } = options;

    public TimeProvider Time => Options.TimeProvider;

    public RequestJournal Journal { get; } = new();

    public FaultQueue Faults { get; } = new();

    public ApiKeyRegistry Keys { get; } = new(options.AcceptWellFormedKeys);

    public GenerationStore Generations { get; } = new();

    public VideoJobStore VideoJobs { get; } = new();

    public ResponseCache ResponseCache { get; } = new();

    public PromptCacheSimulator PromptCache { get; } = new();

    public ModelCatalog Catalog
    {
        get => Volatile.Read(ref _catalog);
        set => Volatile.Write(ref _catalog, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The API origin, e.g. <c>http://127.0.0.1:5123</c>; set once the listener is bound.</summary>
    public string Origin { get; set; } = "";

    /// <summary>The foreign origin, or <see langword="null"/> when none is configured.</summary>
    public string? ForeignOrigin { get; set; }

    public int ForeignPort { get; set; } = -1;

    public long UnixNow => Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A new generation id shaped like OpenRouter's: <c>gen-&lt;unix seconds&gt;-&lt;20 letters and digits&gt;</c>;
    /// the counter in it keeps ids unique and in issue order.</summary>
    public string NextGenerationId()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"gen-{UnixNow}-EMU{Interlocked.Increment(ref _generationCounter):D17}");
}
