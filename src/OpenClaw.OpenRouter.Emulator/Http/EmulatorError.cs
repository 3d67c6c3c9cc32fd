using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Emulator.Http;

/// <summary>An answer that is an OpenRouter error: the status, <c>error.message</c> and <c>error.metadata</c>.</summary>
internal sealed record EmulatorError(int Status, string Message, JsonObject? Metadata = null)
{
    public static EmulatorError BadRequest(string message) => new(400, message);

    /// <summary>An upstream provider's rejection, as OpenRouter relays it.</summary>
    public static EmulatorError Upstream(int status, string providerName, string raw)
        => new(status, "Provider returned error", new JsonObject { ["raw"] = raw, ["provider_name"] = providerName });
}
