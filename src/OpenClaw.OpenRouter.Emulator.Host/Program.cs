using System.CommandLine;
using OpenClaw.OpenRouter.Emulator;

var port = new Option<int>("--port") { Description = "Loopback port to listen on; 0 picks a free port.", DefaultValueFactory = _ => 0 };
var foreignPort = new Option<int?>("--foreign-port") { Description = "Also serve foreign download URLs on this port (0: any free port)." };
var videoPolls = new Option<int>("--video-polls") { Description = "Status polls before a video job completes.", DefaultValueFactory = _ => 2 };
var keys = new Option<string[]>("--key") { Description = "An extra API key to accept (repeatable).", AllowMultipleArgumentsPerToken = false };
var catalog = new Option<FileInfo?>("--catalog") { Description = "A JSON file ({\"data\":[…]}) that replaces the bundled /models catalog." };
var lenient = new Option<bool>("--lenient") { Description = "Do not apply upstream providers' request rules (Anthropic prefill, Gemini thought signatures, DeepSeek reasoning_content)." };
var generationPending = new Option<bool>("--generation-404-first") { Description = "Answer 404 to the first GET /generation of each id, as OpenRouter often does." };
var managementCredits = new Option<bool>("--credits-management-only") { Description = "Answer 403 to GET /credits for keys that are not management keys." };
var verbose = new Option<bool>("--verbose") { Description = "Log every request to standard error." };

var root = new RootCommand("A local OpenRouter API emulator. Prints its base URL on the first line of standard output, then serves until Ctrl+C.")
{
    port, foreignPort, videoPolls, keys, catalog, lenient, generationPending, managementCredits, verbose,
};

root.SetAction(async (parse, cancellationToken) =>
{
    var options = new EmulatorOptions
    {
        Port = parse.GetValue(port),
        ForeignPort = parse.GetValue(foreignPort),
        VideoPollsToComplete = parse.GetValue(videoPolls),
        StrictUpstreamRules = !parse.GetValue(lenient),
        GenerationNotFoundOnFirstLookup = parse.GetValue(generationPending),
        CreditsRequireManagementKey = parse.GetValue(managementCredits),
        LogRequests = parse.GetValue(verbose),
    };
    if (options.Port is < 0 or > 65535 || options.ForeignPort is < 0 or > 65535)
    {
        await Console.Error.WriteLineAsync("Error: ports must be between 0 and 65535.").ConfigureAwait(false);
        return 1;
    }
    if (options.VideoPollsToComplete < 1)
    {
        await Console.Error.WriteLineAsync("Error: --video-polls must be at least 1.").ConfigureAwait(false);
        return 1;
    }
    if (parse.GetValue(catalog) is { } file)
    {
        try
        {
            options.Catalog = ModelCatalog.FromJson(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync($"Error: cannot read catalog {file.FullName}: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    OpenRouterEmulator emulator;
    try
    {
        emulator = await OpenRouterEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
    }
    catch (IOException exception)
    {
        await Console.Error.WriteLineAsync($"Error: cannot listen on 127.0.0.1:{options.Port}: {exception.Message}").ConfigureAwait(false);
        return 1;
    }
    await using (emulator.ConfigureAwait(false))
    {
        foreach (var key in parse.GetValue(keys) ?? [])
        {
            emulator.Keys.Add(key, new ApiKeyProfile());
        }
        Console.Out.WriteLine(emulator.BaseUrl);
        Console.Out.Flush();
        await Console.Error.WriteLineAsync(
            $"openrouter-emulator: serving {emulator.BaseUrl}{(emulator.ForeignOrigin is { } foreign ? $" (foreign origin {foreign})" : "")}; API key {ApiKeyRegistry.DefaultKey}; Ctrl+C stops.").ConfigureAwait(false);
        await emulator.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }
    return 0;
});

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
