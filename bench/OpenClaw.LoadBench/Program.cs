using System.CommandLine;
using System.Globalization;
using OpenClaw.LoadBench;

var concurrency = new Option<string>("--concurrency")
{
    Description = "Comma-separated concurrency levels (concurrent streams).",
    DefaultValueFactory = _ => "1,16,256",
};
var requestsPerLevel = new Option<int?>("--requests-per-level")
{
    Description = "Measured requests per path and level (default: max(64, 4×N)). Rounded up to a whole number of batches of at least N.",
};
var batches = new Option<int>("--batches")
{
    Description = "Batches per path and level; the paths alternate batch by batch (baseline, OpenClaw, OpenClaw, baseline, …) to cancel drift.",
    DefaultValueFactory = _ => 4,
};
var warmup = new Option<int?>("--warmup")
{
    Description = "Unmeasured requests per path before each level (default: max(8, N)).",
};
var model = new Option<string>("--model")
{
    Description = "The model both paths request (any text model of the emulator's catalog).",
    DefaultValueFactory = _ => "deepseek/deepseek-v4-flash",
};
var words = new Option<int>("--words")
{
    Description = "Prompt length in words; the emulator echoes it one word per chunk, so this sets the size of each stream.",
    DefaultValueFactory = _ => 120,
};
var intervalMs = new Option<int>("--interval-ms")
{
    Description = "Pause between the emulator's chunks (its slow-stream fault), like a model generating tokens; 0 streams as fast as it can.",
    DefaultValueFactory = _ => 5,
};
var baseUrl = new Option<string?>("--base-url")
{
    Description = "Use an emulator that is already running (e.g. http://127.0.0.1:5000/api/v1) instead of starting one; its CPU is then not reported.",
};
var emulatorPath = new Option<FileInfo?>("--emulator")
{
    Description = "The openrouter-emulator.dll to start (default: the copy the build puts next to this program).",
};
var output = new Option<FileInfo?>("--out")
{
    Description = "Also write the markdown report to this file.",
};

var root = new RootCommand(
    "End-to-end load benchmark: N concurrent streaming chat requests through OpenRouterChatClient versus a raw HttpClient + SseParser baseline, against the OpenRouter emulator in its own process.")
{
    concurrency, requestsPerLevel, batches, warmup, model, words, intervalMs, baseUrl, emulatorPath, output,
};

root.SetAction(async (parse, cancellationToken) =>
{
    var levels = new List<int>();
    foreach (var part in (parse.GetValue(concurrency) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level < 1)
        {
            await Console.Error.WriteLineAsync($"Error: --concurrency takes positive integers, got \"{part}\".").ConfigureAwait(false);
            return 2;
        }
        levels.Add(level);
    }
    Uri? url = null;
    if (parse.GetValue(baseUrl) is { Length: > 0 } text && !Uri.TryCreate(text, UriKind.Absolute, out url))
    {
        await Console.Error.WriteLineAsync($"Error: --base-url \"{text}\" is not an absolute URL.").ConfigureAwait(false);
        return 2;
    }
    var settings = new LoadBenchSettings
    {
        Concurrency = levels,
        RequestsPerLevel = parse.GetValue(requestsPerLevel),
        Batches = parse.GetValue(batches),
        Warmup = parse.GetValue(warmup),
        Model = parse.GetValue(model) ?? "",
        Words = parse.GetValue(words),
        IntervalMs = parse.GetValue(intervalMs),
        BaseUrl = url,
        EmulatorPath = parse.GetValue(emulatorPath),
        Out = parse.GetValue(output),
    };
    if (levels.Count == 0 || settings.Batches < 1 || settings.RequestsPerLevel is < 1 || settings.Warmup is < 0 || settings.Words < 1
        || settings.IntervalMs < 0 || string.IsNullOrWhiteSpace(settings.Model))
    {
        await Console.Error.WriteLineAsync("Error: --concurrency needs a level; --batches, --requests-per-level and --words must be positive; --warmup and --interval-ms must not be negative; --model must not be empty.").ConfigureAwait(false);
        return 2;
    }
    return await LoadBenchmark.RunAsync(settings, args, cancellationToken).ConfigureAwait(false);
});

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
