using System.Text.Json;
using Microsoft.Extensions.AI;

namespace OpenClaw.Agent.Tests.Support;

/// <summary>A parameterless tool that answers a fixed text and counts its calls.</summary>
internal sealed class FixedResultTool(string name, string result) : AIFunction
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public override string Name => name;

    public override string Description => "Returns a fixed answer.";

    public override JsonElement JsonSchema => Schema;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult<object?>(result);
    }
}
