using System.Text.Json.Nodes;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>
/// Every matrix cell whose operation has a command, run in-process as a user would (<see cref="FaultCliRig"/>): the exit code,
/// stderr and stdout (the streamed part of an answer is kept), no output file and no temporary file after a failure (and the
/// one file after a success), nothing under the state directory's <c>media/</c>, one request on the faulted path (the CLI
/// never retries), and for <c>agent</c> the session: unchanged by a failed turn (a good turn runs first, so it is not empty),
/// two messages longer after a good one.
/// </summary>
public sealed class FaultMatrixCliTests
{
    /// <summary>(operation, fault, which command: 0 the operation's command, 1 its second one — <c>infer model run</c>).</summary>
    public static TheoryData<FaultOperation, string, int> CliCells()
    {
        var data = new TheoryData<FaultOperation, string, int>();
        foreach (var cell in FaultMatrix.Cells.Where(cell => cell.Cli.HasCommand))
        {
            data.Add(cell.Operation, cell.Fault.Name, 0);
            if (FaultCliRig.SecondCommand(cell.Operation) is not null)
            {
                data.Add(cell.Operation, cell.Fault.Name, 1);
            }
        }
        return data;
    }

    [Fact]
    public void Every_operation_with_a_command_has_its_cells()
    {
        var commands = FaultMatrix.Cells.Where(cell => cell.Cli.HasCommand).Select(cell => cell.Operation).Distinct().ToList();
        Assert.Equal(6, commands.Count);
        Assert.Equal(6 * 14 + 14, CliCells().Count);
    }

    [Theory]
    [MemberData(nameof(CliCells))]
    public async Task Each_cell_has_its_documented_cli_outcome(FaultOperation operation, string fault, int command)
    {
        var cell = FaultMatrix.Cell(operation, fault);
        var args = command == 0 ? FaultCliRig.Command(operation)! : FaultCliRig.SecondCommand(operation)!;
        var expected = cell.Cli;

        var observed = await FaultCliRig.RunAsync(cell, args, $"fault matrix cli {cell.Id} [{args[0]} {args[1]}]");
        var context = $"{cell.Id} [openclaw {string.Join(' ', args)}]: {observed}";

        Assert.True(expected.ExitCode == observed.Result.ExitCode, context);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(observed.Result.Stdout, expected.Stdout), $"stdout: {context}");
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(observed.Result.Stderr, expected.Stderr), $"stderr: {context}");
        Assert.True(observed.Attempts == 1, context);
        Assert.True(observed.MediaFiles.Count == 0, context);
        if (expected.WritesFile)
        {
            var written = Assert.Single(observed.OutputFiles);
            Assert.Equal([Path.Combine(FaultCliRig.OutputDirectory, written)], observed.WorkingFiles);
        }
        else
        {
            // Nothing at all in the working directory: no output file, no temporary file, not even the output directory's content.
            Assert.True(observed.WorkingFiles.Count == 0, context);
        }
        if (observed.SessionBefore is { } before)
        {
            var after = observed.SessionAfter!;
            if (expected.ExitCode == 0)
            {
                Assert.Equal(Messages(before) + 2, Messages(after));
            }
            else
            {
                Assert.True(before == after, $"session changed by a failed turn: {context}\n--- before\n{before}\n--- after\n{after}");
            }
        }
    }

    private static int Messages(string sessionJson) => JsonNode.Parse(sessionJson)!["messages"]!.AsArray().Count;
}
