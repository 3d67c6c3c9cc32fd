using System.CommandLine;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.Models;
using OpenClaw.Core.State;

namespace OpenClaw.Cli.Commands.Models;

/// <summary><c>models status</c> (also plain <c>models</c>): the model setup and where the key comes from (CLI spec §3.3).</summary>
public static class ModelsStatusCommand
{
    /// <summary>The default model when the config names none.</summary>
    public const string BuiltInDefault = "openrouter/auto";

    public static Command Create(CliContext context) => Configure(new Command("status", "Show the default model, fallbacks, aliases and API key source."), context);

    /// <summary>Adds the status options and action to <paramref name="command"/> (used for both <c>models</c> and <c>models status</c>).</summary>
    public static Command Configure(Command command, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        var json = CommandBuilder.JsonOption();
        var plain = new Option<bool>("--plain") { Description = "Print only the resolved default model." };
        var check = new Option<bool>("--check") { Description = "Exit 1 when the key for a provider in use is missing." };
        command.Options.Add(json);
        command.Options.Add(plain);
        command.Options.Add(check);
        CommandBuilder.AcceptIgnoredWithValue(command, "--agent", "--probe-timeout");
        CommandBuilder.SetHandler(command, context, json, run =>
        {
            var state = run.State;
            var config = state.Config;
            var resolver = state.CreateModelRefResolver();
            var configured = config.Model.Primary;
            var resolved = configured is null ? resolver.Resolve(BuiltInDefault) : resolver.Resolve(configured);
            var store = state.AuthStore.Load();
            var key = state.ResolveApiKey(store);
            if (run.Get(plain))
            {
                run.Output.Line(resolved.CanonicalRef);
                return Task.FromResult(Exit(run.Get(check), key));
            }
            var profiles = OpenRouterProfiles(store);
            var shellKey = run.Context.Environment.GetValueOrDefault(ApiKeyResolver.EnvironmentVariable);
            var envKey = state.Environment.Get(ApiKeyResolver.EnvironmentVariable);
            var envSource = state.Environment.SourceOf(ApiKeyResolver.EnvironmentVariable);
            if (run.Output.Json)
            {
                run.Output.WriteJson(JsonStatus(state, resolved, configured, key, profiles, shellKey, envKey, envSource));
                return Task.FromResult(Exit(run.Get(check), key));
            }

            var paths = state.Paths;
            var lines = new List<(string Label, string Value)>
            {
                ("Config", paths.Display(paths.ConfigPath)),
                ("Agent dir", paths.Display(paths.AgentDir())),
                ("Default", resolved.CanonicalRef + (resolved.Alias is { } alias ? $" (from {alias})" : "")),
                ($"Fallbacks ({config.Model.Fallbacks.Count})", config.Model.Fallbacks.Count == 0 ? "-" : string.Join(", ", config.Model.Fallbacks)),
                ("Image model", config.ImageModel.Primary ?? "-"),
                ($"Aliases ({config.Aliases.Count})", config.Aliases.Count == 0 ? "-" : string.Join(", ", config.Aliases.Select(pair => $"{pair.Key} -> {pair.Value}"))),
                ($"Configured models ({config.Models.Count})", config.Models.Count == 0 ? "-" : string.Join(", ", config.Models.Keys)),
            };
            WriteAligned(run.Output, lines);
            run.Output.Line();
            run.Output.Line("Auth overview");
            WriteAligned(run.Output,
            [
                ("Auth store", paths.Display(state.AuthStore.Path)),
                ("Shell env", shellKey is null ? "off" : "on"),
            ]);
            run.Output.Line(
                $"- openrouter effective={Effective(key)} | profiles={profiles.Count} (api_key={profiles.Count(p => p.Type == "api_key")}, oauth={profiles.Count(p => p.Type == "oauth")}, token={profiles.Count(p => p.Type == "token")}) | env={(envKey is null ? "-" : SecretMask.Mask(envKey))} | source={key?.Source ?? "missing"}");
            if (key is null)
            {
                run.Output.Line("No OpenRouter API key found. Run openclaw onboard --auth-choice openrouter-api-key, or export OPENROUTER_API_KEY.");
            }
            return Task.FromResult(Exit(run.Get(check), key));
        }, plain);
        return command;
    }

    private static int Exit(bool check, ResolvedApiKey? key) => check && key is null ? 1 : 0;

    private static string Effective(ResolvedApiKey? key) => key switch
    {
        null => "missing",
        { ProfileId: not null } => "profile",
        { Source: var source } when source.StartsWith("models.providers", StringComparison.Ordinal) => "config",
        _ => "env",
    };

    private static JsonObject JsonStatus(
        LocalState state, ResolvedModelRef resolved, string? configured, ResolvedApiKey? key,
        List<(string Id, string Type)> profiles, string? shellKey, string? envKey, EnvironmentSource? envSource)
    {
        var config = state.Config;
        var aliases = new JsonObject();
        foreach (var (alias, reference) in config.Aliases)
        {
            aliases[alias] = reference;
        }
        var provider = new JsonObject
        {
            ["provider"] = "openrouter",
            ["effective"] = new JsonObject { ["kind"] = Effective(key), ["detail"] = key?.Source },
            ["profiles"] = new JsonObject
            {
                ["count"] = profiles.Count,
                ["apiKey"] = profiles.Count(p => p.Type == "api_key"),
                ["oauth"] = profiles.Count(p => p.Type == "oauth"),
                ["token"] = profiles.Count(p => p.Type == "token"),
                ["labels"] = Strings(profiles.Select(p => p.Id)),
            },
            ["env"] = envKey is null ? null : new JsonObject { ["value"] = SecretMask.Mask(envKey), ["source"] = envSource?.Description },
        };
        return new JsonObject
        {
            ["configPath"] = state.Paths.ConfigPath,
            ["agentDir"] = state.Paths.AgentDir(),
            ["defaultModel"] = configured,
            ["resolvedDefault"] = resolved.CanonicalRef,
            ["fallbacks"] = Strings(config.Model.Fallbacks),
            ["imageModel"] = config.ImageModel.Primary,
            ["imageFallbacks"] = Strings(config.ImageModel.Fallbacks),
            ["aliases"] = aliases,
            ["allowed"] = Strings(config.Models.Keys),
            ["auth"] = new JsonObject
            {
                ["storePath"] = state.AuthStore.Path,
                ["shellEnvFallback"] = new JsonObject { ["enabled"] = shellKey is not null, ["appliedKeys"] = Strings(shellKey is null ? [] : [ApiKeyResolver.EnvironmentVariable]) },
                ["providersWithOAuth"] = new JsonArray(),
                ["missingProvidersInUse"] = Strings(key is null ? ["openrouter"] : []),
                ["providers"] = new JsonArray(provider),
                ["unusableProfiles"] = new JsonArray(),
                ["oauth"] = new JsonObject { ["providers"] = new JsonArray() },
            },
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static List<(string Id, string Type)> OpenRouterProfiles(JsonObject? store)
    {
        var result = new List<(string, string)>();
        if (store?["profiles"] is not JsonObject profiles)
        {
            return result;
        }
        foreach (var (id, profile) in profiles)
        {
            var provider = profile?["provider"] is JsonValue p && p.TryGetValue<string>(out var text) ? text : null;
            if (provider == "openrouter" || (provider is null && id.StartsWith("openrouter:", StringComparison.Ordinal)))
            {
                var type = profile?["type"] is JsonValue t && t.TryGetValue<string>(out var typeText) ? typeText : "api_key";
                result.Add((id, type));
            }
        }
        return result;
    }

    private static void WriteAligned(CliOutput output, IReadOnlyList<(string Label, string Value)> lines)
    {
        var width = lines.Max(line => line.Label.Length);
        foreach (var (label, value) in lines)
        {
            output.Line($"{label.PadRight(width)} : {value}");
        }
    }
}
