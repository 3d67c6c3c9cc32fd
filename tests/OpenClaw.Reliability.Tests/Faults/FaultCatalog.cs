namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>The fourteen emulator faults of the matrix (issue 9), with the parameters the matrix uses.</summary>
public static class FaultCatalog
{
    public const string RateLimit = "rate-limit";
    public const string ServerError = "server-error";
    public const string BadGateway = "bad-gateway";
    public const string Unavailable = "unavailable";
    public const string ErrorBody200 = "error-body-200";
    public const string MidStreamError = "mid-stream-error";
    public const string Stall = "stall";
    public const string Drop = "drop";
    public const string SlowFirstByte = "slow-first-byte";
    public const string MalformedJson = "malformed-json";
    public const string VideoFailed = "video-failed";
    public const string VideoExpired = "video-expired";
    public const string VideoNeverFinishes = "video-never-finishes";
    public const string Oversize = "oversize";

    /// <summary>The padding (or, on a video job, the download size) of <c>oversize</c>: 2 MiB — under the 4 MiB the chat and
    /// account reads must accept, over the matrix's 1 MiB media cap.</summary>
    public const long OversizeBytes = 2L * 1024 * 1024;

    /// <summary>How long the emulator stalls in library runs (the client's 500 ms limit ends it first).</summary>
    public const int StallMs = 5000;

    /// <summary>How long the emulator stalls in CLI runs before it drops the connection: the CLI has no setting for the
    /// transport's idle limit (120 s), so the emulator ends the stall itself.</summary>
    public const int CliStallMs = 1500;

    /// <summary>The first-byte delay in library runs (over the client's 500 ms headers limit).</summary>
    public const int SlowFirstByteMs = 2500;

    /// <summary>The first-byte delay in CLI runs (under the CLI's 120 s headers limit: the call succeeds, late).</summary>
    public const int CliSlowFirstByteMs = 300;

    /// <summary>The faults, in the matrix's row order.</summary>
    public static IReadOnlyList<FaultKind> All { get; } =
    [
        new(RateLimit, "rate-limit; retry-after=2", "rate-limit; retry-after=2", "429 with Retry-After: 2"),
        new(ServerError, "server-error", "server-error", "500"),
        new(BadGateway, "bad-gateway", "bad-gateway", "502 Provider returned error"),
        new(Unavailable, "unavailable", "unavailable", "503"),
        new(ErrorBody200, "error-body-200", "error-body-200", "200 with an error envelope (code 502)"),
        new(MidStreamError, "mid-stream-error", "mid-stream-error", "error chunk after 2 stream chunks"),
        new(Stall, $"stall; ms={StallMs}", $"stall; ms={CliStallMs}", "headers and half the body (2 chunks), then silence"),
        new(Drop, "drop", "drop", "connection closed after half the body (2 chunks)"),
        new(SlowFirstByte, $"slow-first-byte; ms={SlowFirstByteMs}", $"slow-first-byte; ms={CliSlowFirstByteMs}", "nothing for a while, then the answer"),
        new(MalformedJson, "malformed-json", "malformed-json", "half the body and '}' (a stream: one broken event)"),
        new(VideoFailed, "video-failed", "video-failed", "the video job ends failed"),
        new(VideoExpired, "video-expired", "video-expired", "the video job ends expired"),
        new(VideoNeverFinishes, "video-never-finishes", "video-never-finishes", "the video job stays in_progress"),
        new(Oversize, $"oversize; bytes={OversizeBytes}", $"oversize; bytes={OversizeBytes}", "2 MiB of leading whitespace; a video: a 2 MiB download"),
    ];

    public static FaultKind Named(string name) => All.Single(fault => fault.Name == name);
}
