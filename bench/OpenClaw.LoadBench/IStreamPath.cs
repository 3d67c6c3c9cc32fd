namespace OpenClaw.LoadBench;

/// <summary>One way of sending the workload's request and reading its stream to the end.</summary>
internal interface IStreamPath
{
    /// <summary>The name in the report.</summary>
    string Name { get; }

    /// <summary>Sends one request and reads its whole stream. Never throws for a failed request: the failure is the outcome's error.</summary>
    Task<StreamOutcome> RunAsync(CancellationToken cancellationToken);
}
