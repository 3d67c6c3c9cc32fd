using System.Text.Json;
using Microsoft.Extensions.AI;

namespace OpenClaw.Agent.Tools;

/// <summary>
/// The built-in <c>current_time</c> tool: the current date and time from the turn's <see cref="TimeProvider"/>, as
/// <c>{"utc":"2026-11-24T10:15:00Z","local":"2026-11-24T11:15:00+01:00","timeZone":"&lt;id&gt;"}</c>. Optional parameter
/// <c>timeZone</c> (an IANA id; an unknown id is an error result naming it). Written as an <see cref="AIFunction"/>
/// subclass (no reflection) so it stays trim- and AOT-safe.
/// </summary>
public sealed class CurrentTimeTool : AIFunction
{
    public CurrentTimeTool(TimeProvider timeProvider) => throw new NotImplementedException();

    public override string Name => "current_time";

    public override string Description => "Get the current date and time (UTC and local), optionally in a given IANA time zone.";

    /// <summary><c>{"type":"object","properties":{"timeZone":{"type":"string","description":"…"}},"additionalProperties":false}</c>.</summary>
    public override JsonElement JsonSchema => throw new NotImplementedException();

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) => throw new NotImplementedException();
}
