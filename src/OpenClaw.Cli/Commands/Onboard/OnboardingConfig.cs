using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenClaw.Cli.Commands.Onboard;

/// <summary>What onboarding writes into openclaw.json (CLI spec §2.2), keeping everything already there.</summary>
public static class OnboardingConfig
{
    public const string DefaultRef = "openrouter/auto";
    public const string DefaultAlias = "OpenRouter";

    /// <summary>Applies onboarding to <paramref name="root"/>; always true (the run timestamp changes).</summary>
    public static bool Apply(JsonObject root, string workspace, string agentDir, DateTimeOffset now, string version)
    {
        ArgumentNullException.ThrowIfNull(root);
        var defaults = Object(Object(root, "agents"), "defaults");
        defaults["workspace"] ??= workspace;

        var models = Object(defaults, "models");
        var auto = Object(models, DefaultRef);
        if (auto["alias"] is null && !AliasTaken(models, DefaultAlias))
        {
            auto["alias"] = DefaultAlias;
        }

        if (defaults["model"] is JsonObject model)
        {
            model["primary"] = DefaultRef;
        }
        else
        {
            // A plain-string model has no fallbacks to keep.
            defaults["model"] = new JsonObject { ["primary"] = DefaultRef };
        }

        var entries = Object(Object(root, "agents"), "entries");
        var main = Object(entries, "main");
        main["name"] ??= "main";
        main["workspace"] ??= workspace;
        main["agentDir"] ??= agentDir;
        Object(main, "identity")["name"] ??= "main";

        var profile = Object(Object(Object(root, "auth"), "profiles"), "openrouter:default");
        profile["provider"] = "openrouter";
        profile["mode"] = "api_key";

        Object(Object(Object(root, "plugins"), "entries"), "openrouter")["enabled"] = true;

        var wizard = Object(root, "wizard");
        wizard["lastRunAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        wizard["lastRunVersion"] = version;
        wizard["lastRunCommand"] = "onboard";
        wizard["lastRunMode"] = "local";
        Object(root, "meta")["lastTouchedVersion"] = version;
        return true;
    }

    private static bool AliasTaken(JsonObject models, string alias) =>
        models.Any(pair => pair.Key != DefaultRef && pair.Value?["alias"] is JsonValue value
            && value.TryGetValue<string>(out var text) && string.Equals(text, alias, StringComparison.OrdinalIgnoreCase));

    private static JsonObject Object(JsonObject parent, string key) => Models.ModelConfigEdits.Object(parent, key);
}
