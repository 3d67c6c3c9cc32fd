using System.Globalization;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Emulator;
using OpenClaw.OpenRouter.Errors;

// The offline main job until `openclaw agent` exists: start the bundled OpenRouter emulator on a loopback port,
// point the OpenRouter library at it, send one message, print the answer and what OpenRouter reported about it.
var message = args.Length > 0 ? string.Join(' ', args) : "Hello from OpenClaw!";
var model = Environment.GetEnvironmentVariable("OPENCLAW_DEMO_MODEL") ?? "openrouter/auto";

await using var emulator = await OpenRouterEmulator.StartAsync();
using var client = new OpenRouterClient(new OpenRouterClientOptions { ApiKey = ApiKeyRegistry.DefaultKey, BaseUrl = emulator.BaseUrl.AbsoluteUri });
try
{
    var completion = await client.CompleteChatAsync(new ChatCompletionRequest(model, [new ChatMessage("user", message)]));
    Console.WriteLine(completion.Choices.FirstOrDefault()?.Message?.Content);
    var usage = completion.Usage;
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"model {completion.Model} via {completion.Provider} · {usage?.PromptTokens} in / {usage?.CompletionTokens} out tokens · ${usage?.Cost:0.########} · emulator {emulator.BaseUrl}"));
    return 0;
}
catch (OpenRouterException exception)
{
    Console.Error.WriteLine($"Error: {exception.Message}");
    return 1;
}
