using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.Cli.Rendering;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.Cli.Commands.Models;

/// <summary><c>models list</c> (CLI spec §3.4): configured models, or the whole catalog with <c>--all</c>.</summary>
public static class ModelsListCommand
{
    public const string DiscoveryFailedMessage = "Model discovery could not refresh all providers. Showing the available published model list.";

    public static Command Create(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "The full catalog (bundled, cached live and configured rows)." };
        var provider = new Option<string>("--provider") { Description = "Only this provider (openrouter) or upstream author (e.g. anthropic)." };
        var refresh = new Option<bool>("--refresh") { Description = "Fetch the live catalog from OpenRouter (GET /models) and cache it." };
        var json = CommandBuilder.JsonOption();
        var plain = CommandBuilder.PlainOption();
        var command = new Command("list", "List models with their input, context window and tags.") { all, provider, refresh, json, plain };
        CommandBuilder.AcceptIgnored(command, "--local");
        CommandBuilder.SetHandler(command, context, json, async run =>
        {
            var filter = run.Get(provider);
            if (filter is not null && (filter.Length == 0 || filter.Any(char.IsWhiteSpace)))
            {
                throw new CliException($"Invalid provider filter \"{filter}\". Use a provider id such as \"moonshot\", not a display label.");
            }
            var state = run.State;
            var config = state.Config;
            var key = state.ResolveApiKey();
            IReadOnlyList<OpenRouterModelInfo>? live = null;
            if (run.Get(refresh))
            {
                live = await RefreshAsync(run, key?.Key).ConfigureAwait(false);
            }
            if (live is null && state.CatalogCache.Load() is { } cached)
            {
                live = cached.Models;
                if (!cached.IsFresh && run.Get(all))
                {
                    run.Output.Note(
                        $"The cached model catalog is from {cached.FetchedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; run openclaw models list --all --refresh to update it.");
                }
            }
            var view = new ModelCatalogView(live, config.OpenRouter.Models);

            var rows = Rows(state, view, run.Get(all), live is not null, key is not null);
            if (filter is not null)
            {
                rows = [.. rows.Where(row => MatchesProvider(row.Key, filter))];
            }
            if (run.Output.Json)
            {
                var models = new JsonArray();
                foreach (var row in rows)
                {
                    models.Add((JsonNode)row.ToJson());
                }
                run.Output.WriteJson(new JsonObject { ["count"] = rows.Count, ["models"] = models });
                return 0;
            }
            if (rows.Count == 0)
            {
                run.Output.Line("No models found.");
                return 0;
            }
            if (run.Get(plain))
            {
                foreach (var row in rows)
                {
                    run.Output.Line(row.Key);
                }
                return 0;
            }
            TextTable.Write(run.Context, ["Model", "Input", "Ctx", "Local", "Auth", "Tags"],
                rows.Select(row => (IReadOnlyList<string>)[row.Key, row.Input, FormatContext(row.ContextWindow), "no", row.Available ? "yes" : "no", string.Join(',', row.Tags)]));
            return 0;
        }, plain);
        return command;
    }

    /// <summary>Fetches and caches the live catalog; null (with the spec's note on stderr) when that fails or there is no key.</summary>
    private static async Task<IReadOnlyList<OpenRouterModelInfo>?> RefreshAsync(CommandRun run, string? apiKey)
    {
        if (apiKey is null)
        {
            run.Output.Note("No OpenRouter API key, so the live catalog was not fetched. Showing the bundled model list.");
            return null;
        }
        var state = run.State;
        try
        {
            using var client = state.CreateClient(apiKey);
            using var document = await client.GetModelCatalogDocumentAsync(run.CancellationToken).ConfigureAwait(false);
            state.CatalogCache.Save(document.RootElement, OpenRouterBaseUrl.Resolve(state.Config.OpenRouter.BaseUrl).AbsoluteUri.TrimEnd('/'));
            return CatalogRowReader.ReadCatalog(document.RootElement, live: true);
        }
        catch (Exception exception) when (exception is OpenRouterException or HttpRequestException or ArgumentException
            || (exception is OperationCanceledException && !run.CancellationToken.IsCancellationRequested))
        {
            run.Output.Note(DiscoveryFailedMessage);
            if (run.Parse.GetValue(CliApplication.VerboseOption))
            {
                run.Output.Note(exception.Message);
            }
            return null;
        }
    }

    private static List<ModelListRow> Rows(LocalState state, ModelCatalogView view, bool all, bool haveLiveCatalog, bool haveKey)
    {
        var config = state.Config;
        var tags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        void Tag(string? reference, string tag)
        {
            if (reference is null || ModelRefResolver.TryParseRef(reference) is not { } parsed)
            {
                return;
            }
            if (!tags.TryGetValue(parsed.CanonicalRef, out var list))
            {
                tags[parsed.CanonicalRef] = list = [];
                order.Add(parsed.CanonicalRef);
            }
            if (!list.Contains(tag, StringComparer.Ordinal))
            {
                list.Add(tag);
            }
        }

        Tag(config.Model.Primary ?? ModelsStatusCommand.BuiltInDefault, "default");
        for (var i = 0; i < config.Model.Fallbacks.Count; i++)
        {
            Tag(config.Model.Fallbacks[i], $"fallback#{i + 1}");
        }
        Tag(config.ImageModel.Primary, "image");
        for (var i = 0; i < config.ImageModel.Fallbacks.Count; i++)
        {
            Tag(config.ImageModel.Fallbacks[i], $"img-fallback#{i + 1}");
        }
        foreach (var (reference, entry) in config.Models)
        {
            Tag(reference, "configured");
            if (entry.Alias is { } alias)
            {
                Tag(reference, $"alias:{alias}");
            }
        }

        var keys = new List<string>(order);
        if (all)
        {
            var seen = new HashSet<string>(order, StringComparer.Ordinal);
            foreach (var info in view.Rows)
            {
                var canonical = ModelIds.CanonicalRef(info.Id);
                if (seen.Add(canonical))
                {
                    keys.Add(canonical);
                }
            }
        }

        var rows = new List<ModelListRow>();
        foreach (var key in keys)
        {
            var resolved = ModelRefResolver.TryParseRef(key);
            var info = resolved is null ? null : view.Find(resolved);
            var rowTags = tags.TryGetValue(key, out var list) ? new List<string>(list) : [];
            var missing = info is null && haveLiveCatalog;
            if (missing)
            {
                rowTags.Add("missing");
            }
            rows.Add(new ModelListRow(
                key,
                info?.Name ?? resolved?.ModelId ?? key,
                info is not null && info.Input.Contains("image", StringComparer.Ordinal) ? "text+image" : "text",
                info?.ContextWindow,
                haveKey && !missing,
                rowTags));
        }
        return rows;
    }

    private static bool MatchesProvider(string key, string filter)
    {
        if (string.Equals(filter, "openrouter", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var modelId = key["openrouter/".Length..];
        var author = modelId.Split('/')[0];
        return string.Equals(author, filter, StringComparison.OrdinalIgnoreCase);
    }

    private static string FormatContext(int? tokens) => tokens switch
    {
        null => "-",
        >= 1_000_000 when tokens % 1_000_000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{tokens / 1_000_000}M"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{tokens / 1_000_000.0:0.#}M"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{tokens / 1000}k"),
        _ => tokens.Value.ToString(CultureInfo.InvariantCulture),
    };
}
