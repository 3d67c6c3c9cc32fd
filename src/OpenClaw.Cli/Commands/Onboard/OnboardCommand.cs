using System.CommandLine;
using System.Text.Json.Nodes;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Credentials;
using OpenClaw.Core.Files;
using Spectre.Console;

namespace OpenClaw.Cli.Commands.Onboard;

/// <summary><c>openclaw onboard</c> (CLI spec §2): stores the OpenRouter key and makes <c>openrouter/auto</c> the default model.</summary>
public static class OnboardCommand
{
    public const string RiskMessage =
        "Non-interactive setup requires explicit risk acknowledgement.\nRead: https://docs.openclaw.ai/security\nRe-run with: openclaw onboard --non-interactive --accept-risk ...";

    public const string MissingKeyMessage =
        "Missing --openrouter-api-key (or OPENROUTER_API_KEY in env, or existing openrouter API-key profile). Export OPENROUTER_API_KEY, pass --openrouter-api-key, or run openclaw onboard for interactive setup.";

    public const string NeedsTtyMessage =
        "Onboarding needs an interactive TTY. Use `openclaw onboard --non-interactive --accept-risk ...` for automation.";

    public static Command Create(CliContext context)
    {
        var authChoice = new Option<string>("--auth-choice") { Description = "openrouter-api-key (alias openrouter)." };
        var nonInteractive = new Option<bool>("--non-interactive") { Description = "No prompts (needs --accept-risk)." };
        var acceptRisk = new Option<bool>("--accept-risk") { Description = "Acknowledge https://docs.openclaw.ai/security for non-interactive setup." };
        var apiKey = new Option<string>("--openrouter-api-key") { Description = "The OpenRouter API key (else OPENROUTER_API_KEY or the existing profile)." };
        var secretInputMode = new Option<string>("--secret-input-mode") { Description = "plaintext (store the key) or ref (store a reference to OPENROUTER_API_KEY)." };
        secretInputMode.AcceptOnlyFromAmong("plaintext", "ref");
        var workspace = new Option<string>("--workspace") { Description = "Workspace directory (default ~/.openclaw/workspace)." };
        var skipSkills = new Option<bool>("--skip-skills") { Hidden = true };
        var skipHealth = new Option<bool>("--skip-health") { Hidden = true };
        var json = CommandBuilder.JsonOption("Print a JSON summary on stdout.");
        var command = new Command("onboard", "Set up OpenRouter: store the API key and use openrouter/auto as the default model.")
        {
            authChoice, nonInteractive, acceptRisk, apiKey, secretInputMode, workspace, skipSkills, skipHealth, json,
        };
        CommandBuilder.AcceptIgnored(command,
            "--skip-channels", "--skip-daemon", "--skip-ui", "--skip-search", "--skip-hooks", "--skip-bootstrap",
            "--install-daemon", "--no-install-daemon", "--reset", "--tailscale-reset-on-exit");
        CommandBuilder.AcceptIgnoredWithValue(command,
            "--mode", "--flow", "--gateway-port", "--gateway-bind", "--gateway-auth", "--gateway-token", "--gateway-password",
            "--remote-url", "--remote-token", "--tailscale", "--node-manager");

        CommandBuilder.SetHandler(command, context, json, run =>
        {
            var choice = NormaliseAuthChoice(run.Get(authChoice));
            var flagKey = run.Get(apiKey);
            var mode = run.Get(secretInputMode) ?? "plaintext";
            var scripted = run.Get(nonInteractive);
            if (scripted && !run.Get(acceptRisk))
            {
                throw new CliException(RiskMessage, new JsonObject { ["ok"] = false, ["phase"] = "options", ["message"] = RiskMessage });
            }
            if (!scripted && !run.Context.IsInteractive)
            {
                throw new CliException(NeedsTtyMessage);
            }

            var state = run.State;
            var environment = state.Environment;
            _ = state.Config; // validates the existing config (and layers its env block) before anything is written
            var fromProfile = ApiKeyResolver.Resolve(state.AuthStore.Load(), null, environment, null) is { ProfileId: not null } found ? found.Key : null;
            string? key;
            if (mode == "ref")
            {
                if (environment.Get(ApiKeyResolver.EnvironmentVariable) is null)
                {
                    throw new CliException("--secret-input-mode ref stores a reference to OPENROUTER_API_KEY, which is not set. Export it first.");
                }
                key = null;
            }
            else if (scripted)
            {
                key = flagKey is not null
                    ? (flagKey == "undefined" ? "" : flagKey.Trim())
                    : environment.Get(ApiKeyResolver.EnvironmentVariable) ?? fromProfile
                      ?? throw new CliException(MissingKeyMessage);
            }
            else
            {
                key = flagKey?.Trim() ?? AskForKey(run.Context.PromptConsole(), environment.Get(ApiKeyResolver.EnvironmentVariable));
            }

            state.AuthStore.Update(document => key is null
                ? AuthProfileStore.SetApiKeyReference(document, AuthProfileStore.DefaultProfileId, ApiKeyResolver.EnvironmentVariable)
                : AuthProfileStore.SetApiKey(document, AuthProfileStore.DefaultProfileId, key));

            var paths = state.Paths;
            var workspaceDir = run.Get(workspace) is { } chosen
                ? Path.GetFullPath(paths.ExpandHome(chosen), run.Context.WorkingDirectory)
                : (state.Config.Workspace is { } configured ? Path.GetFullPath(paths.ExpandHome(configured)) : paths.DefaultWorkspace);
            var sessionsDir = paths.SessionsDir();
            AtomicFile.CreateDirectory(paths.StateDir, AtomicWriteOptions.OwnerOnlyDirectory);
            AtomicFile.CreateDirectory(workspaceDir, AtomicWriteOptions.OwnerOnlyDirectory);
            AtomicFile.CreateDirectory(sessionsDir, AtomicWriteOptions.OwnerOnlyDirectory);
            run.Output.Note($"Workspace OK: {paths.Display(workspaceDir)}");
            run.Output.Note($"Sessions OK: {paths.Display(sessionsDir)}");

            var now = run.Context.TimeProvider.GetUtcNow();
            var result = state.ConfigStore.Update(root => OnboardingConfig.Apply(root, workspaceDir, paths.AgentDir(), now, CliApplication.Version));
            state.ConfigChanged();
            if (result.Changed)
            {
                run.Output.Note($"Updated config: {paths.Display(result.Path)}");
                if (result.BackupPath is { } backup)
                {
                    run.Output.Note($"  Backup: {paths.Display(backup)}");
                }
            }
            if (run.Output.Json)
            {
                run.Output.WriteJson(new JsonObject
                {
                    ["ok"] = true,
                    ["mode"] = "local",
                    ["workspace"] = workspaceDir,
                    ["authChoice"] = choice,
                    ["gateway"] = new JsonObject { ["port"] = 18789, ["bind"] = "loopback", ["authMode"] = "token", ["tailscaleMode"] = "off" },
                    ["installDaemon"] = false,
                    ["skipSkills"] = run.Get(skipSkills),
                    ["skipHealth"] = run.Get(skipHealth),
                });
            }
            else
            {
                run.Output.Line($"OpenRouter is set up: key {(key is null ? "from $OPENROUTER_API_KEY" : SecretMask.Mask(key))}, default model openrouter/auto (alias OpenRouter).");
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static string NormaliseAuthChoice(string? choice) => choice?.Trim().ToLowerInvariant() switch
    {
        null or "" or "openrouter-api-key" or "openrouter" => "openrouter-api-key",
        "openrouter-oauth" => throw new CliException("OpenRouter OAuth login (--auth-choice openrouter-oauth) is not available in this build yet. Use --auth-choice openrouter-api-key with a key from https://openrouter.ai/keys."),
        _ => throw new CliException($"Unsupported --auth-choice \"{choice}\". This build supports openrouter-api-key (alias openrouter)."),
    };

    private static string AskForKey(IAnsiConsole console, string? fromEnvironment)
    {
        if (fromEnvironment is not null
            && console.Prompt(new ConfirmationPrompt($"Use OPENROUTER_API_KEY from the environment ({Markup.Escape(SecretMask.Mask(fromEnvironment))})?") { DefaultValue = true }))
        {
            return fromEnvironment;
        }
        var prompt = new TextPrompt<string>("Enter OpenRouter API key").Secret()
            .Validate(text => string.IsNullOrWhiteSpace(text) ? ValidationResult.Error("The key cannot be empty.") : ValidationResult.Success());
        return console.Prompt(prompt).Trim();
    }
}
