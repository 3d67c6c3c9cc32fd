using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Config;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.Errors;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Routing;

namespace OpenClaw.Cli.Commands.Doctor;

/// <summary><c>openclaw doctor</c> (CLI spec §6): a read-only health report of config, models and key.</summary>
public static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommandBuilder.JsonOption("Print the report as JSON (read-only; exit 0 once produced).");
        var probe = new Option<bool>("--probe") { Description = "Ask OpenRouter about the key (GET /key): limit, usage, remaining credit." };
        var command = new Command("doctor", "Check the config, models and API key; --probe asks OpenRouter about the key.") { json, probe };
        CommandBuilder.AcceptIgnored(command, "--non-interactive", "--yes");
        CommandBuilder.SetHandler(command, context, json, async run =>
        {
            var findings = new List<DoctorFinding>();
            var state = run.State;
            var shownConfig = state.Paths.Display(state.Paths.ConfigPath);
            OpenClawConfig? config = null;
            try
            {
                var document = state.Document;
                if (!document.Exists)
                {
                    findings.Add(new("config.missing", DoctorFinding.Info, $"No config file at {shownConfig}; the defaults apply.", "openclaw onboard --auth-choice openrouter-api-key"));
                }
                var validation = document.Exists ? ConfigValidator.Validate(document.Root) : new ConfigValidationResult([], []);
                foreach (var issue in validation.Issues)
                {
                    findings.Add(new("config.invalid", DoctorFinding.Error, $"{shownConfig}: {issue}", "openclaw config validate"));
                }
                foreach (var warning in validation.Warnings)
                {
                    findings.Add(new("config.warning", DoctorFinding.Warn, $"{shownConfig}: {warning}"));
                }
                if (document.Exists && validation.IsValid)
                {
                    findings.Add(new("config.valid", DoctorFinding.Info, $"Config valid: {shownConfig}"));
                }
                if (validation.IsValid)
                {
                    config = state.Config;
                }
            }
            catch (OpenClawException exception)
            {
                findings.Add(new("config.parse", DoctorFinding.Error, exception.Message, $"Fix the file, or move it aside and run openclaw onboard."));
            }

            if (config is not null)
            {
                CheckModels(state, config, findings);
                CheckBaseUrl(config, findings);
            }
            var key = CheckKey(state, config, findings);
            CheckAuthStoreMode(state, findings);
            if (run.Get(probe) && key is not null && config is not null)
            {
                await ProbeAsync(run, key, findings).ConfigureAwait(false);
            }

            var ok = findings.All(finding => finding.Severity != DoctorFinding.Error);
            if (run.Output.Json)
            {
                var array = new JsonArray();
                foreach (var finding in findings)
                {
                    array.Add((JsonNode)finding.ToJson());
                }
                run.Output.WriteJson(new JsonObject { ["ok"] = ok, ["findings"] = array });
                return 0;
            }
            foreach (var finding in findings)
            {
                var mark = finding.Severity switch { DoctorFinding.Error => "✗", DoctorFinding.Warn => "!", _ => "✓" };
                run.Output.Line($"{mark} {finding.Message}");
                if (finding.Fix is { } fix)
                {
                    run.Output.Line($"  Fix: {fix}");
                }
            }
            run.Output.Line(ok ? "No problems found." : $"{findings.Count(f => f.Severity == DoctorFinding.Error)} problem(s) found.");
            return ok ? 0 : 1;
        });
        return command;
    }

    private static void CheckModels(LocalState state, OpenClawConfig config, List<DoctorFinding> findings)
    {
        var resolver = state.CreateModelRefResolver();
        var selections = new List<(string Path, string? Ref)>
        {
            ("agents.defaults.model.primary", config.Model.Primary),
            ("agents.defaults.imageModel.primary", config.ImageModel.Primary),
            ("agents.defaults.imageGenerationModel.primary", config.ImageGenerationModel.Primary),
            ("agents.defaults.videoGenerationModel.primary", config.VideoGenerationModel.Primary),
        };
        selections.AddRange(config.Model.Fallbacks.Select((f, i) => ($"agents.defaults.model.fallbacks[{i}]", (string?)f)));
        selections.AddRange(config.ImageGenerationModel.Fallbacks.Select((f, i) => ($"agents.defaults.imageGenerationModel.fallbacks[{i}]", (string?)f)));
        selections.AddRange(config.VideoGenerationModel.Fallbacks.Select((f, i) => ($"agents.defaults.videoGenerationModel.fallbacks[{i}]", (string?)f)));
        var resolved = 0;
        foreach (var (path, reference) in selections)
        {
            if (reference is null)
            {
                continue;
            }
            try
            {
                resolver.Resolve(reference);
                resolved++;
            }
            catch (OpenClawException exception)
            {
                findings.Add(new("models.unresolved", DoctorFinding.Error, $"{path}: {exception.Message}", $"openclaw config set {path} openrouter/auto"));
            }
        }
        var primary = config.Model.Primary is null ? "openrouter/auto (built-in default)" : config.Model.Primary;
        findings.Add(new("models.resolved", DoctorFinding.Info, $"Default model: {primary}; {resolved} configured model ref(s) resolve."));
    }

    private static void CheckBaseUrl(OpenClawConfig config, List<DoctorFinding> findings)
    {
        var baseUrl = config.OpenRouter.BaseUrl;
        if (baseUrl is null)
        {
            return;
        }
        try
        {
            OpenRouterBaseUrl.Resolve(baseUrl);
            if (baseUrl.Trim().TrimEnd('/') == OpenRouterBaseUrl.Legacy)
            {
                findings.Add(new("openrouter.baseUrl.legacy", DoctorFinding.Warn,
                    $"models.providers.openrouter.baseUrl is the legacy {OpenRouterBaseUrl.Legacy}; requests go to {OpenRouterBaseUrl.Canonical}.",
                    $"openclaw config set models.providers.openrouter.baseUrl {OpenRouterBaseUrl.Canonical}"));
            }
        }
        catch (ArgumentException exception)
        {
            findings.Add(new("openrouter.baseUrl.invalid", DoctorFinding.Error, $"models.providers.openrouter.baseUrl: {exception.Message}",
                $"openclaw config set models.providers.openrouter.baseUrl {OpenRouterBaseUrl.Canonical}"));
        }
    }

    private static ResolvedApiKey? CheckKey(LocalState state, OpenClawConfig? config, List<DoctorFinding> findings)
    {
        ResolvedApiKey? key;
        try
        {
            key = ApiKeyResolver.Resolve(state.AuthStore.Load(), config?.AuthOrder, state.Environment, config?.OpenRouter.ApiKey);
        }
        catch (OpenClawException exception)
        {
            findings.Add(new("auth.store", DoctorFinding.Error, exception.Message, "Fix the file, or run openclaw onboard --auth-choice openrouter-api-key again."));
            return null;
        }
        findings.Add(key is null
            ? new("auth.missing", DoctorFinding.Error, "No OpenRouter API key: no openrouter profile, no OPENROUTER_API_KEY, no models.providers.openrouter.apiKey.",
                "openclaw onboard --auth-choice openrouter-api-key")
            : new("auth.key", DoctorFinding.Info, $"OpenRouter API key: {SecretMask.Mask(key.Key)} from {key.Source}."));
        return key;
    }

    private static void CheckAuthStoreMode(LocalState state, List<DoctorFinding> findings)
    {
        var path = state.AuthStore.Path;
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }
        var mode = File.GetUnixFileMode(path);
        var loose = mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (loose != 0)
        {
            findings.Add(new("auth.store.mode", DoctorFinding.Warn,
                $"{state.Paths.Display(path)} is readable or writable by others (mode {Convert.ToString((int)mode, 8)}); it holds your API key.",
                $"chmod 600 {state.Paths.Display(path)}"));
        }
    }

    private static async Task ProbeAsync(CommandRun run, ResolvedApiKey key, List<DoctorFinding> findings)
    {
        try
        {
            using var client = run.State.CreateClient(key.Key);
            var info = await client.GetKeyAsync(run.CancellationToken).ConfigureAwait(false);
            var limit = info.Limit is { } value ? Money(value) : "no limit";
            var remaining = info.LimitRemaining is { } left ? Money(left) : "unlimited";
            var usage = info.Usage is { } used ? Money(used) : "unknown";
            findings.Add(new("auth.probe", DoctorFinding.Info,
                $"OpenRouter accepted the key{(info.Label is { Length: > 0 } label ? $" ({label})" : "")}: limit {limit}, usage {usage}, remaining {remaining}{(info.IsFreeTier ? ", free tier" : "")}."));
        }
        catch (Exception exception) when (exception is OpenRouterException or HttpRequestException or ArgumentException
            || (exception is OperationCanceledException && !run.CancellationToken.IsCancellationRequested))
        {
            findings.Add(new("auth.probe", DoctorFinding.Error, $"Key probe (GET /key) failed: {exception.Message}",
                "Check the key at https://openrouter.ai/keys and run openclaw onboard --auth-choice openrouter-api-key."));
        }
    }

    private static string Money(decimal value) => "$" + value.ToString("0.00##", CultureInfo.InvariantCulture);
}
