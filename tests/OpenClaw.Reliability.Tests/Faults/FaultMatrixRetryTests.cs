using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Transport;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>
/// "Retried or not" with the opt-in retry policy (<see cref="OpenRouterRetryOptions"/>; the default makes one attempt): every
/// applicable fault of the two chat operations, queued once. A transient error before the answer was accepted (429 with its
/// <c>Retry-After</c> honoured, 500, 502, 503, no headers in time, a connection that failed before any byte) is retried and the
/// second attempt succeeds; everything else — an error inside a 200, anything after the first streamed byte (a mid-stream
/// error, a stall, a drop), a broken body — is not: one attempt, the same error as without retries.
/// </summary>
public sealed class FaultMatrixRetryTests
{
    private static readonly OpenRouterRetryOptions Retry = new()
    {
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromSeconds(5),
        UseJitter = false,
    };

    public static TheoryData<FaultOperation, string> ChatCells()
    {
        var data = new TheoryData<FaultOperation, string>();
        foreach (var cell in FaultMatrix.Cells.Where(cell => cell.Operation is FaultOperation.ChatStream or FaultOperation.ChatNonStream && cell.Library.Applies))
        {
            data.Add(cell.Operation, cell.Fault.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ChatCells))]
    public async Task Transient_errors_before_the_answer_are_retried_and_nothing_else_is(FaultOperation operation, string fault)
    {
        var cell = FaultMatrix.Cell(operation, fault);
        var expected = cell.Library;

        var observed = await FaultRig.RunAsync(cell, Retry);
        var context = $"{cell.Id} with retries: {observed}";

        if (expected.Retryable)
        {
            Assert.True(observed.Error is null && observed.Attempts == 2, context);
            Assert.Matches(FaultMatrix.Exact("text \"Echo: hello matrix\""), observed.Result!);
            if (fault == FaultCatalog.RateLimit)
            {
                // Retry-After: 2 is honoured (the skipping clock moved by it), not the 10 ms back-off.
                Assert.True(observed.ClockElapsed >= TimeSpan.FromSeconds(2), context);
            }
        }
        else if (expected.Error is null)
        {
            Assert.True(observed.Error is null && observed.Attempts == 1, context);
        }
        else
        {
            Assert.True(observed.Attempts == 1 && observed.Error?.GetType() == expected.Error, context);
            Assert.Matches(expected.Shape, observed.Error!.Message);
            Assert.Equal(expected.Partial, observed.PartialText);
        }
    }

    [Fact]
    public void The_retried_faults_are_the_pre_answer_transient_ones()
    {
        Assert.Equal(
            [FaultCatalog.RateLimit, FaultCatalog.ServerError, FaultCatalog.BadGateway, FaultCatalog.Unavailable, FaultCatalog.SlowFirstByte],
            FaultMatrix.Cells.Where(cell => cell.Operation == FaultOperation.ChatStream && cell.Library.Retryable).Select(cell => cell.Fault.Name));
        Assert.Equal(
            FaultMatrix.Cells.Where(cell => cell.Operation == FaultOperation.ChatStream).Select(cell => (cell.Fault.Name, cell.Library.Retryable)),
            FaultMatrix.Cells.Where(cell => cell.Operation == FaultOperation.ChatNonStream).Select(cell => (cell.Fault.Name, cell.Library.Retryable)));
    }

    /// <summary>The emulator cannot drop a connection before the headers (its <c>drop</c> comes after half the body), so a
    /// handler refuses the first connection: a network error before any byte, transient, retried once opted in.</summary>
    [Theory]
    [InlineData(FaultOperation.ChatStream)]
    [InlineData(FaultOperation.ChatNonStream)]
    public async Task A_connection_that_fails_before_any_byte_is_retried_only_when_opted_in(FaultOperation operation)
    {
        // Any fault the chat operations ignore keeps the emulator's answer normal.
        var cell = FaultMatrix.Cell(operation, FaultCatalog.VideoFailed);

        var once = await FaultRig.RunAsync(cell, wrap: inner => new RefuseFirstHandler(inner));
        var retried = await FaultRig.RunAsync(cell, Retry, inner => new RefuseFirstHandler(inner));

        var error = Assert.IsType<OpenRouterNetworkException>(once.Error);
        Assert.Equal(OpenRouterNetworkException.NetworkFailureMessage, error.Message);
        Assert.True(error.BeforeResponse);
        Assert.True(error.IsTransient);
        Assert.Equal(0, once.Attempts);
        Assert.Null(retried.Error);
        Assert.Equal(1, retried.Attempts);
    }

    /// <summary>Not disposed by the rig: disposing it would dispose the rig's redirect handler, which the rig disposes itself.</summary>
    private sealed class RefuseFirstHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _sent) == 1
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (simulated)")
                : base.SendAsync(request, cancellationToken);
    }
}
