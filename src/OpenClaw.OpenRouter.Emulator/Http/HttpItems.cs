namespace OpenClaw.OpenRouter.Emulator.Http;

/// <summary>Keys of the per-request values the pipeline stages hand to the endpoints.</summary>
internal static class HttpItems
{
    public const string Body = "emulator.body";
    public const string ApiKey = "emulator.apiKey";
    public const string UserId = "emulator.userId";
    public const string Faults = "emulator.faults";
}
