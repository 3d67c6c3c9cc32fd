using System.Globalization;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;

// The offline main job until `openclaw agent` exists: start the bundled OpenRouter emulator on a loopback port,
// point the OpenRouter library at it, stream one answer, and print what OpenRouter reported about it.
var message = args.Length > 0 ? string.Join(' ', args) : "Hello from OpenClaw!";
var model = Environment.GetEnvironmentVariable("OPENCLAW_DEMO_MODEL") ?? "openrouter/auto";

await using var emulator = await OpenRouterEmulator.StartAsync();
using var client = new OpenRouterClient(new OpenRouterClientOptions
{
    ApiKey = ApiKeyRegistry.DefaultKey,
    BaseUrl = emulator.BaseUrl.AbsoluteUri,
    // The capability lookup normally reads openrouter.ai's public model list; offline it reads the emulator's.
    CapabilityCatalogUrl = new Uri(emulator.BaseUrl.AbsoluteUri + "/models"),
    Attribution = OpenRouterAttribution.OpenClaw,
});
try
{
    OpenRouterChatResult? result = null;
    await foreach (var update in client.StreamChatAsync(new OpenRouterChatRequest { Model = model, Messages = [OpenRouterMessage.User(message)] }))
    {
        Console.Write(update.Text);
        result = update.Completed ?? result;
    }
    Console.WriteLine();
    var usage = result?.Usage;
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"model {result?.Model} via {result?.Provider} · {usage?.PromptTokens} in / {usage?.CompletionTokens} out tokens · ${usage?.Cost:0.########} · emulator {emulator.BaseUrl}"));
    return 0;
}
catch (OpenRouterException exception)
{
    Console.Error.WriteLine($"Error: {exception.Message}");
    return 1;
}
