using System.Text.RegularExpressions;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>
/// Every cell of <see cref="FaultMatrix"/> run through <c>OpenRouterClient</c> against the in-process emulator with the library's
/// default options: the requests the emulator saw, the exact exception type (and timeout kind), the message, the partial output
/// kept, or — where the fault applies to nothing the operation does — one request and the normal result.
/// </summary>
public sealed class FaultMatrixLibraryTests
{
    public static TheoryData<FaultOperation, string> MatrixCells() => Data(FaultMatrix.Cells);

    public static TheoryData<FaultOperation, string, string> VariantCells()
    {
        var data = new TheoryData<FaultOperation, string, string>();
        foreach (var cell in FaultMatrix.Variants)
        {
            data.Add(cell.Operation, cell.Fault.Name, cell.Variant!);
        }
        return data;
    }

    [Fact]
    public void The_table_has_every_fault_on_every_operation_once()
    {
        Assert.Equal(14, FaultCatalog.All.Count);
        Assert.Equal(8, Enum.GetValues<FaultOperation>().Length);
        Assert.All(FaultCatalog.All, fault => Assert.Contains(fault.Name, FaultNames.All));
        Assert.All(FaultCatalog.All, fault => Assert.Equal(fault.Name, FaultDirective.Parse(fault.Directive).Name));
        Assert.All(FaultCatalog.All, fault => Assert.Equal(fault.Name, FaultDirective.Parse(fault.CliDirective).Name));

        var cells = FaultMatrix.Cells;
        Assert.Equal(112, cells.Count);
        var pairs = cells.Select(cell => (cell.Operation, cell.Fault.Name)).ToHashSet();
        Assert.Equal(112, pairs.Count);
        foreach (var operation in Enum.GetValues<FaultOperation>())
        {
            foreach (var fault in FaultCatalog.All)
            {
                Assert.Contains((operation, fault.Name), pairs);
            }
        }
        Assert.All(cells, cell =>
        {
            Assert.NotEmpty(cell.Library.Shape);
            _ = new Regex(cell.Library.Shape);
            Assert.True(cell.Library.Error is not null || cell.Library.TimeoutKind is null, cell.Id);
            Assert.True(cell.Library.Applies || cell.Library.Error is null, cell.Id);
            // Only calls on the chat transport may be retried; media calls never are.
            Assert.True(!cell.Library.Retryable || cell.Operation is not (FaultOperation.Image or FaultOperation.Video or FaultOperation.Tts), cell.Id);
        });
        // Chat non-stream and /generation have no command: library-only cells.
        Assert.Equal(
            [FaultOperation.ChatNonStream, FaultOperation.Generation],
            cells.Where(cell => !cell.Cli.HasCommand).Select(cell => cell.Operation).Distinct().Order());
        Assert.All(cells.Where(cell => cell.Cli.HasCommand), cell => Assert.NotNull(FaultCliRig.Command(cell.Operation)));
    }

    [Theory]
    [MemberData(nameof(MatrixCells))]
    public async Task Each_cell_has_its_documented_outcome(FaultOperation operation, string fault)
    {
        await AssertCellAsync(FaultMatrix.Cell(operation, fault));
    }

    [Theory]
    [MemberData(nameof(VariantCells))]
    public async Task Each_variant_has_its_documented_outcome(FaultOperation operation, string fault, string variant)
    {
        await AssertCellAsync(FaultMatrix.Variants.Single(cell => cell.Operation == operation && cell.Fault.Name == fault && cell.Variant == variant));
    }

    internal static async Task AssertCellAsync(FaultCell cell)
    {
        var expected = cell.Library;
        var observed = await FaultRig.RunAsync(cell);
        var context = $"{cell.Id}: {observed}";

        Assert.True(expected.Attempts == observed.Attempts, context);
        if (expected.Error is null)
        {
            Assert.True(observed.Error is null, context);
            Assert.Matches(expected.Shape, observed.Result!);
        }
        else
        {
            Assert.True(observed.Error is not null && observed.Error.GetType() == expected.Error, context);
            Assert.Matches(expected.Shape, observed.Error.Message);
            Assert.Equal(expected.TimeoutKind, (observed.Error as OpenRouterTimeoutException)?.Kind);
            Assert.True(expected.Retryable == IsRetryable(observed.Error), $"{context}: retryable");
        }
        Assert.True(expected.Partial == observed.PartialText, context);
        if (cell.Operation == FaultOperation.Video)
        {
            AssertVideoJournal(cell, observed);
        }
    }

    /// <summary>
    /// What the opt-in retry policy can retry: a transient error raised before the answer was accepted (an HTTP error status,
    /// no headers in time, a connection that failed before any byte), on the chat transport. <see cref="FaultMatrixRetryTests"/>
    /// proves the flag by retrying.
    /// </summary>
    private static bool IsRetryable(Exception error) => !IsMedia(error) && error switch
    {
        OpenRouterTimeoutException timeout => timeout.Kind == OpenRouterTimeoutKind.ResponseHeaders,
        OpenRouterNetworkException network => network.BeforeResponse,
        OpenRouterException typed => typed.IsTransient && typed.StatusCode >= 400 && !typed.Details.InBand && typed.PartialResult is null,
        _ => false,
    };

    private static bool IsMedia(Exception error) =>
        error.Message.StartsWith("OpenRouter image", StringComparison.Ordinal) || error.Message.StartsWith("OpenRouter video", StringComparison.Ordinal)
        || error.Message.StartsWith("OpenRouter TTS", StringComparison.Ordinal) || error.Message.StartsWith("OpenRouter generated video", StringComparison.Ordinal);

    /// <summary>A video job's requests: polls only after an accepted submit, a download only after <c>completed</c>.</summary>
    private static void AssertVideoJournal(FaultCell cell, FaultObservation observed)
    {
        var polls = observed.Journal.Count(entry => entry.Method == "GET" && entry.Path.StartsWith("/api/v1/videos/job-", StringComparison.Ordinal) && !entry.Path.EndsWith("/content", StringComparison.Ordinal));
        var downloads = observed.Journal.Count(entry => entry.Path.EndsWith("/content", StringComparison.Ordinal));
        var (expectedPolls, expectedDownloads) = cell.Fault.Name switch
        {
            FaultCatalog.VideoFailed or FaultCatalog.VideoExpired => (2, 0),
            FaultCatalog.VideoNeverFinishes => (OpenRouter.Videos.OpenRouterVideoModels.DefaultMaxPolls, 0),
            _ when cell.Library.Error is null || cell.Variant is not null => (2, 1),
            _ => (0, 0),
        };
        Assert.True(expectedPolls == polls && expectedDownloads == downloads, $"{cell.Id}: polls {polls}, downloads {downloads}");
    }

    private static TheoryData<FaultOperation, string> Data(IEnumerable<FaultCell> cells)
    {
        var data = new TheoryData<FaultOperation, string>();
        foreach (var cell in cells)
        {
            data.Add(cell.Operation, cell.Fault.Name);
        }
        return data;
    }
}
