namespace OpenClaw.Reliability.Tests.Concurrency;

/// <summary>
/// The concurrency tests start dozens of <c>openclaw</c> processes each; on a small machine they need the CPU to themselves, so
/// they run one after another and after the parallel part of the suite, holding the machine-wide
/// <see cref="ProcessStormLock"/> so that other assemblies' wall-clock measurements wait for them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConcurrencyCollection : ICollectionFixture<ProcessStormHold>
{
    public const string Name = "Concurrency";
}
