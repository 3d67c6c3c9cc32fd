using OpenClaw.OpenRouter.Emulator;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>What one library run of a matrix cell produced: the error (or none), what arrived before it, and the requests the emulator saw.</summary>
public sealed record FaultObservation
{
    /// <summary>The exception the operation threw; <see langword="null"/> when it succeeded.</summary>
    public Exception? Error { get; init; }

    /// <summary>Requests the emulator received on the operation's faulted path (<see cref="FaultRig.FaultPath"/>).</summary>
    public required int Attempts { get; init; }

    /// <summary>Text that reached the caller before the end (streamed updates), or the error's partial result.</summary>
    public string PartialText { get; init; } = "";

    /// <summary>A one-line description of the successful result (e.g. <c>text "Echo: hi"</c>, <c>1 image</c>, <c>url-only video</c>).</summary>
    public string? Result { get; init; }

    /// <summary>How far the run's clock moved (a skipping clock: the waits it skipped, e.g. a honoured <c>Retry-After</c>).</summary>
    public TimeSpan ClockElapsed { get; init; }

    /// <summary>Every request of the run, in order.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    public override string ToString() =>
        Error is null
            ? $"ok {Result} attempts={Attempts} partial=\"{PartialText}\""
            : $"{Error.GetType().Name}{(Error is OpenRouter.Errors.OpenRouterTimeoutException timeout ? $"({timeout.Kind})" : "")} \"{Error.Message}\" attempts={Attempts} partial=\"{PartialText}\"";
}
