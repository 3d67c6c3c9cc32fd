using System.Text.RegularExpressions;
using OpenClaw.OpenRouter.Errors;
using static OpenClaw.Reliability.Tests.Faults.FaultCatalog;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>
/// The fault matrix of issue 9 as data: for each of the 8 operations × 14 faults, what a caller sees with the library's default
/// options (one attempt: the transport never retries, provider spec §14.3; <c>GetGenerationAsync</c> retries only a 404) and
/// what the CLI user sees (CLI spec §1: exit 1 and <c>Error: &lt;message&gt;</c>). Messages are the provider spec's.
/// </summary>
/// <remarks>
/// Rules the table follows, from the emulator (README "Scripted faults") and the specs:
/// <list type="bullet">
/// <item>The error faults (429, 500, 502, 503, a 200 error body) and <c>slow-first-byte</c> apply on every endpoint.</item>
/// <item>The body faults (<c>stall</c>, <c>drop</c>, <c>malformed-json</c>, <c>oversize</c> padding) damage every non-streamed
/// body; on a stream <c>stall</c>, <c>drop</c> and <c>malformed-json</c> act after two chunks and <c>oversize</c> does not apply.</item>
/// <item><c>mid-stream-error</c> applies only to streamed chat; <c>video-*</c> only to video jobs: elsewhere "not applicable",
/// the call succeeds as normal (one request, the normal result).</item>
/// <item>Media calls (image, video, TTS) are never retried (every attempt is billed) and carry the operation's label.</item>
/// <item>Library runs use a 500 ms headers/idle limit for the time faults (1 s per media call); the CLI has no setting for those
/// limits (120 s), so its <c>stall</c> is ended by the emulator after 1.5 s (a dropped connection: network error) and its
/// <c>slow-first-byte</c> is 300 ms (under the limit: success).</item>
/// </list>
/// </remarks>
public static class FaultMatrix
{
    private const string EchoResult = "text \"Echo: hello matrix\"";
    private const string EchoPartial = "Echo: hello ";
    private const string NetworkMessage = "LLM request failed: network connection error.";
    private const string Image = "OpenRouter image generation failed";
    private const string Video = "OpenRouter video generation failed";
    private const string Tts = "OpenRouter TTS API error";
    private const string TtsCli = "TTS conversion failed: openrouter: ";

    /// <summary>Every cell: 14 faults × 8 operations, operation by operation.</summary>
    public static IReadOnlyList<FaultCell> Cells { get; } = Build();

    /// <summary>Cells beyond the 14 × 8: the other side of a limit, the content endpoint's cap, a fault on a poll.</summary>
    public static IReadOnlyList<FaultCell> Variants { get; } =
    [
        new FaultCell(FaultOperation.ChatStream, Named(SlowFirstByte), LibraryOutcome.Succeeds(Exact(EchoResult)) with { Partial = "Echo: hello matrix" }, CliOutcome.NoCommand)
        {
            Variant = "100 ms, under the 500 ms limit",
            Setup = [("slow-first-byte; ms=100", "/chat/completions")],
        },
        new FaultCell(FaultOperation.Video, Named(Oversize), LibraryOutcome.Fails<OpenRouterMalformedResponseException>(
            Exact("OpenRouter generated video download failed: the answer is larger than 1048576 bytes")), CliOutcome.NoCommand)
        {
            Variant = "no unsigned URL: the content endpoint over the cap",
            Setup = [("video-no-unsigned-urls", "/videos"), ($"oversize; bytes={OversizeBytes}", "/content")],
        },
    ];

    /// <summary>The cell of <paramref name="operation"/> × <paramref name="fault"/>.</summary>
    public static FaultCell Cell(FaultOperation operation, string fault) => Cells.Single(cell => cell.Operation == operation && cell.Fault.Name == fault);

    /// <summary>A shape that matches exactly <paramref name="text"/>.</summary>
    public static string Exact(string text) => @"\A" + Regex.Escape(text) + @"\z";

    private static List<FaultCell> Build()
    {
        var cells = new List<FaultCell>();
        foreach (var operation in Enum.GetValues<FaultOperation>())
        {
            foreach (var fault in All)
            {
                var (library, cli) = Outcome(operation, fault.Name);
                cells.Add(new FaultCell(operation, fault, library, cli));
            }
        }
        return cells;
    }

    private static (LibraryOutcome Library, CliOutcome Cli) Outcome(FaultOperation operation, string fault) => operation switch
    {
        FaultOperation.ChatStream => ChatStream(fault),
        FaultOperation.ChatNonStream => (Transport(fault, Exact(EchoResult), "OpenRouter returned a body that is not JSON.", streamed: false), CliOutcome.NoCommand),
        FaultOperation.Image => ImageCell(fault),
        FaultOperation.Video => VideoCell(fault),
        FaultOperation.Tts => TtsCell(fault),
        FaultOperation.Models => ModelsCell(fault),
        FaultOperation.Generation => (Transport(fault, Exact("generation found"), "OpenRouter returned a body that is not JSON from /api/v1/generation.", streamed: false), CliOutcome.NoCommand),
        FaultOperation.Key => KeyCell(fault),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>The calls on the chat transport (chat, /models, /generation, /key): typed by status, <c>&lt;status&gt; &lt;message&gt;</c>.</summary>
    private static LibraryOutcome Transport(string fault, string resultShape, string notJson, bool streamed)
    {
        var partial = streamed ? EchoPartial : "";
        return fault switch
        {
            RateLimit => LibraryOutcome.Fails<OpenRouterRateLimitException>(Exact("429 Rate limit exceeded: free-models-per-min."), retryable: true),
            ServerError => LibraryOutcome.Fails<OpenRouterServerException>(Exact("500 Internal Server Error"), retryable: true),
            BadGateway => LibraryOutcome.Fails<OpenRouterServerException>(Exact("502 Provider returned error"), retryable: true),
            Unavailable => LibraryOutcome.Fails<OpenRouterServerException>(Exact("503 Service temporarily unavailable"), retryable: true),
            // In band (code 502 inside a 200): read after the headers, so never retried; the message is OpenRouter's alone.
            ErrorBody200 => LibraryOutcome.Fails<OpenRouterServerException>(Exact("Provider returned error")),
            MidStreamError => streamed
                ? LibraryOutcome.Fails<OpenRouterServerException>(Exact("Provider returned error"), partial: partial)
                : LibraryOutcome.NotApplicable(resultShape),
            Stall => LibraryOutcome.Fails<OpenRouterTimeoutException>(Exact("OpenRouter sent nothing for 0.5 s; the stream was abandoned."),
                partial: partial, kind: OpenRouterTimeoutKind.StreamIdle),
            Drop => LibraryOutcome.Fails<OpenRouterNetworkException>(Exact(NetworkMessage), partial: partial),
            SlowFirstByte => LibraryOutcome.Fails<OpenRouterTimeoutException>(Exact("OpenRouter did not answer within 0.5 s."),
                retryable: true, kind: OpenRouterTimeoutKind.ResponseHeaders),
            // A stream skips one broken event (provider spec §14.1: non-object data is skipped) and completes.
            MalformedJson => streamed
                ? LibraryOutcome.Succeeds(resultShape) with { Partial = "Echo: hello matrix" }
                : LibraryOutcome.Fails<OpenRouterException>(Exact(notJson)),
            // Leading whitespace is skipped by the JSON reader (OpenRouter's keep-alive for slow bodies); streams are not padded.
            Oversize => streamed ? NotApplicableStream(resultShape) : LibraryOutcome.Succeeds(resultShape),
            _ => streamed ? NotApplicableStream(resultShape) : LibraryOutcome.NotApplicable(resultShape),
        };
    }

    private static LibraryOutcome NotApplicableStream(string resultShape) => LibraryOutcome.NotApplicable(resultShape) with { Partial = "Echo: hello matrix" };

    private static (LibraryOutcome, CliOutcome) ChatStream(string fault)
    {
        var library = Transport(fault, Exact(EchoResult), "", streamed: true);
        var cliStall = fault == Stall
            // The CLI's stall ends when the emulator drops the connection: a network error, with the partial answer kept.
            ? LibraryOutcome.Fails<OpenRouterNetworkException>(Exact(NetworkMessage), partial: EchoPartial)
            : fault == SlowFirstByte ? LibraryOutcome.Succeeds(Exact(EchoResult)) : library;
        if (cliStall.Error is null)
        {
            return (library, new CliOutcome
            {
                ExitCode = 0,
                Stdout = Exact("Echo: hello matrix\n"),
                Stderr = @"\Aemulator/echo via Emulator · \d+ in / \d+ out tokens · \$[0-9.]+( · session matrix)?\n\z",
            });
        }
        return (library, new CliOutcome
        {
            ExitCode = 1,
            // The streamed text stays on stdout: what the user already saw is not taken back.
            Stdout = cliStall.Partial.Length > 0 ? Exact(cliStall.Partial + "\n") : @"\A\z",
            Stderr = ErrorLine(Unescape(cliStall.Shape)),
        });
    }

    private static (LibraryOutcome, CliOutcome) ImageCell(string fault) => MediaCell(fault, Image,
        result: @"^1 image\(s\), \d+ bytes$", cliPrefix: "",
        malformed: "OpenRouter image generation response malformed",
        oversize: LibraryOutcome.Fails<OpenRouterMalformedResponseException>(Exact($"{Image}: the answer is larger than 1048576 bytes")),
        cliSuccessStdout: @"\A/.+/out/img\.png\n\z");

    private static (LibraryOutcome, CliOutcome) TtsCell(string fault) => MediaCell(fault, Tts,
        result: @"^audio audio/mpeg, \d+ bytes$", cliPrefix: TtsCli,
        // The audio is not JSON: the emulator's "malformed" answer is half the audio and a '}', with a matching
        // Content-Length. Nothing in it says it is damaged, so it is returned (and written) as the server declared it.
        malformed: null,
        oversize: LibraryOutcome.Fails<OpenRouterMalformedResponseException>(Exact($"{Tts}: the answer is larger than 1048576 bytes")),
        cliSuccessStdout: @"\A/.+/out/speech\.mp3\n\z");

    private static (LibraryOutcome, CliOutcome) VideoCell(string fault)
    {
        var (library, cli) = MediaCell(fault, Video,
            result: @"^video video/mp4, \d+ bytes$", cliPrefix: "",
            malformed: "OpenRouter video generation response malformed",
            // Provider spec §16: over the cap, an unsigned http(s) URL is handed back instead of the bytes; nothing is written.
            oversize: LibraryOutcome.Succeeds(Exact("url-only video /api/v1/videos/job-emu000001/content")),
            cliSuccessStdout: @"\A/.+/out/clip\.mp4\n\z");
        switch (fault)
        {
            case VideoFailed:
                return (LibraryOutcome.Fails<OpenRouterVideoJobException>(Exact("Content policy violation")), VideoFailure("Content policy violation"));
            case VideoExpired:
                return (LibraryOutcome.Fails<OpenRouterVideoJobException>(Exact("Video generation job expired")), VideoFailure("Video generation job expired"));
            case VideoNeverFinishes:
                return (LibraryOutcome.Fails<OpenRouterVideoJobException>(Exact("OpenRouter video generation did not finish in time")),
                    VideoFailure("OpenRouter video generation did not finish in time"));
            case Oversize:
                return (library, new CliOutcome
                {
                    ExitCode = 0,
                    Stdout = @"\Ahttp://127\.0\.0\.1:\d+/api/v1/videos/job-emu000001/content\?index=0\n\z",
                    Stderr = @"(?m)^The video is larger than 1 MiB \(agents\.defaults\.mediaMaxMb\): not downloaded\. Its URL:$",
                });
            default:
                return (library, cli.ExitCode == 0 ? cli : cli with { Stderr = ProgressThenError(cli.Stderr) });
        }
    }

    private static CliOutcome VideoFailure(string message) => new() { ExitCode = 1, Stdout = @"\A\z", Stderr = ProgressThenError(ErrorLine(message)) };

    /// <summary>A video job's progress lines (<c>Submitted job …</c>, <c>Status … (poll n, …)</c>) may come before the error line.</summary>
    private static string ProgressThenError(string errorLine) => @"\A(?:(?:Submitted job|Status) [^\n]*\n)*" + errorLine[2..];

    private static (LibraryOutcome, CliOutcome) MediaCell(string fault, string label, string result, string cliPrefix,
        string? malformed, LibraryOutcome oversize, string cliSuccessStdout)
    {
        var success = new CliOutcome { ExitCode = 0, Stdout = cliSuccessStdout, Stderr = ".*", WritesFile = true };
        LibraryOutcome library = fault switch
        {
            RateLimit => LibraryOutcome.Fails<OpenRouterRateLimitException>(Exact($"{label} (HTTP 429): Rate limit exceeded: free-models-per-min.")),
            ServerError => LibraryOutcome.Fails<OpenRouterServerException>(Exact($"{label} (HTTP 500): Internal Server Error")),
            BadGateway => LibraryOutcome.Fails<OpenRouterServerException>(Exact($"{label} (HTTP 502): Provider returned error")),
            Unavailable => LibraryOutcome.Fails<OpenRouterServerException>(Exact($"{label} (HTTP 503): Service temporarily unavailable")),
            ErrorBody200 => LibraryOutcome.Fails<OpenRouterServerException>(Exact(label == Tts ? $"{Tts}: Provider returned error" : $"{label} (HTTP 200): Provider returned error")),
            Stall or SlowFirstByte => LibraryOutcome.Fails<OpenRouterTimeoutException>(Exact($"{label}: no answer within 1000 ms"), kind: OpenRouterTimeoutKind.Deadline),
            Drop => LibraryOutcome.Fails<OpenRouterNetworkException>(Exact($"{label}: network connection error.")),
            MalformedJson => malformed is null ? LibraryOutcome.Succeeds(@"^audio audio/mpeg, \d+ bytes$") : LibraryOutcome.Fails<OpenRouterMalformedResponseException>(Exact(malformed)),
            Oversize => oversize,
            _ => LibraryOutcome.NotApplicable(result),
        };
        if (fault == SlowFirstByte)
        {
            return (library, success);
        }
        if (fault == Stall)
        {
            return (library, new CliOutcome { ExitCode = 1, Stdout = @"\A\z", Stderr = ErrorLine($"{cliPrefix}{label}: network connection error.") });
        }
        return library.Error is null
            ? (library, success)
            : (library, new CliOutcome { ExitCode = 1, Stdout = @"\A\z", Stderr = ErrorLine(cliPrefix + Unescape(library.Shape)) });
    }

    private static (LibraryOutcome, CliOutcome) ModelsCell(string fault)
    {
        var library = Transport(fault, @"^\d+ models$", "OpenRouter returned a body that is not JSON from /api/v1/models.", streamed: false);
        // CLI spec §3.4: a failed refresh is a notice on stderr; the bundled and configured rows are still listed, exit 0.
        var failed = fault is not SlowFirstByte && library.Error is not null;
        return (library, new CliOutcome
        {
            ExitCode = 0,
            Stdout = failed ? @"(?m)^openrouter/emulator/echo +text +- +no +yes +default *$" : @"(?m)^openrouter/emulator/echo +text\+image +131k +no +yes +default *$",
            Stderr = failed ? Exact("Model discovery could not refresh all providers. Showing the available published model list.\n") : @"\A\z",
        });
    }

    private static (LibraryOutcome, CliOutcome) KeyCell(string fault)
    {
        var library = Transport(fault, Exact("key info emulator"), "OpenRouter returned a body that is not JSON from /api/v1/key.", streamed: false);
        var message = fault == Stall ? NetworkMessage : Unescape(library.Shape);
        var failed = fault is not SlowFirstByte && library.Error is not null;
        // CLI spec §6: the probe is one finding; an error finding makes `doctor` exit 1.
        return (library, failed
            ? new CliOutcome
            {
                ExitCode = 1,
                Stdout = $@"(?m)^✗ Key probe \(GET /key\) failed: {Regex.Escape(message)}\n  Fix: .*\n1 problem\(s\) found\.\n\z",
                Stderr = @"\A\z",
            }
            : new CliOutcome
            {
                ExitCode = 0,
                Stdout = @"(?m)^✓ OpenRouter accepted the key \(emulator\): .*\nNo problems found\.\n\z",
                Stderr = @"\A\z",
            });
    }

    /// <summary>The CLI's error line (CLI spec §1), as the whole of stderr.</summary>
    private static string ErrorLine(string message) => @"\A" + Regex.Escape("Error: " + message) + @"\n\z";

    /// <summary>The text of an <see cref="Exact"/> shape.</summary>
    private static string Unescape(string exactShape) => Regex.Unescape(exactShape[2..^2]);
}
