namespace OpenClaw.Reliability.Tests.Faults;

/// <summary>One cell of the matrix: an operation, a fault, and the documented outcome in the library and in the CLI.</summary>
public sealed record FaultCell(FaultOperation Operation, FaultKind Fault, LibraryOutcome Library, CliOutcome Cli)
{
    /// <summary>Names a variant cell beyond the 14 × 8 (e.g. a slow first byte under the limit); <see langword="null"/> for a matrix cell.</summary>
    public string? Variant { get; init; }

    /// <summary>Faults to queue instead of the fault on the operation's path: (directive, path suffix) pairs.</summary>
    public IReadOnlyList<(string Directive, string Path)>? Setup { get; init; }

    /// <summary>Names the cell in test output and the ledger.</summary>
    public string Id => $"{Operation} × {Fault.Name}{(Variant is null ? "" : $" ({Variant})")}";

    /// <summary>The faults to queue for a library run.</summary>
    public IReadOnlyList<(string Directive, string Path)> Queue() => Setup ?? [(Fault.Directive, FaultRig.FaultPath(Operation))];

    /// <summary>Faults to queue for a CLI run instead of the CLI directive on the operation's path.</summary>
    public IReadOnlyList<(string Directive, string Path)>? CliSetup { get; init; }

    /// <summary>The faults to queue for a CLI run.</summary>
    public IReadOnlyList<(string Directive, string Path)> CliQueue() => CliSetup ?? [(Fault.CliDirective, FaultRig.FaultPath(Operation))];

    public override string ToString() => Id;
}
