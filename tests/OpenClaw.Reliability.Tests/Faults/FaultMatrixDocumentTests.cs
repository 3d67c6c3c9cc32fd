using System.Runtime.CompilerServices;

namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>The README's fault-matrix table, generated from <see cref="FaultMatrix"/>: written to <c>Faults/fault-matrix.md</c>
/// when <c>OPENCLAW_WRITE_FAULT_MATRIX=1</c>, and otherwise checked against the committed file so it cannot go stale.</summary>
public sealed class FaultMatrixDocumentTests
{
    public const string Variable = "OPENCLAW_WRITE_FAULT_MATRIX";

    [Fact]
    public void The_committed_table_is_the_rendered_matrix()
    {
        var rendered = FaultMatrixDocument.Render();
        var path = Path.Combine(SourceDirectory(), "fault-matrix.md");
        if (Environment.GetEnvironmentVariable(Variable) == "1")
        {
            File.WriteAllText(path, rendered);
        }
        Assert.Contains("| `rate-limit; retry-after=2` | ", rendered, StringComparison.Ordinal);
        Assert.Equal(2 + 14, rendered.Split('\n').Count(line => line.StartsWith('|')));
        Assert.True(File.Exists(path), $"{path} is missing: run the suite with {Variable}=1.");
        Assert.True(rendered == File.ReadAllText(path), $"{path} is stale: run the suite with {Variable}=1 and commit it.");
    }

    private static string SourceDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
