using System.Text.Json.Nodes;
using OpenClaw.Agent.Thinking;
using OpenClaw.Agent.Turns;
using OpenClaw.Cli.Hosting;
using OpenClaw.Core.Config;
using OpenClaw.Core.Models;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.Cli.Commands.Agent;

/// <summary>Reads an agent's <see cref="AgentSettings"/> from <c>openclaw.json</c> (CLI spec §9.1).</summary>
public static class AgentSettingsReader
{
    /// <summary>The default model when the config names none.</summary>
    public const string DefaultModel = "openrouter/auto";

    /// <summary>The turn deadline when <c>agents.defaults.timeoutSeconds</c> is unset.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(600);

    /// <summary>
    /// The settings of <paramref name="agentId"/>: its own model and <c>thinkingDefault</c> (<c>agents.entries</c> or
    /// <c>agents.list[]</c>) over <c>agents.defaults</c>; refs and aliases resolved to canonical refs.
    /// </summary>
    public static AgentSettings Read(LocalState state, string agentId)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(agentId);
        var config = state.Config;
        var agent = config.Agents.GetValueOrDefault(agentId);
        var resolver = state.CreateModelRefResolver();
        var ownModel = agent?.Model ?? ModelSelection.None;
        var primary = ownModel.Primary ?? config.Model.Primary ?? DefaultModel;
        // An agent that names only its primary keeps the shared fallback chain.
        var fallbacks = ownModel.Fallbacks.Count > 0 ? ownModel.Fallbacks : config.Model.Fallbacks;
        return new AgentSettings
        {
            AgentId = agentId,
            PrimaryModel = resolver.Resolve(primary).CanonicalRef,
            Fallbacks = Fallbacks(state, resolver, fallbacks),
            AgentThinkingDefault = Level(agent?.ThinkingDefault),
            DefaultsThinkingDefault = Level(config.ThinkingDefault),
            ModelParams = state.ModelParams(),
            Workspace = Workspace(state, agent?.Workspace ?? config.Workspace),
            TurnTimeout = config.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeout,
        };
    }

    /// <summary>
    /// The fallback refs this port can run. A config shared with the full product may list other providers' models; those
    /// are skipped with a note instead of failing every turn (the primary, by contrast, must resolve).
    /// </summary>
    private static List<string> Fallbacks(LocalState state, ModelRefResolver resolver, IReadOnlyList<string> configured)
    {
        var refs = new List<string>(configured.Count);
        foreach (var reference in configured)
        {
            try
            {
                refs.Add(resolver.Resolve(reference).CanonicalRef);
            }
            catch (Core.Errors.OpenClawException)
            {
                state.Context.Error.WriteLine($"Note: skipping fallback \"{reference}\": not an OpenRouter model ref (openrouter/<provider>/<model>).");
            }
        }
        return refs;
    }

    private static ThinkingLevel? Level(string? configured) => configured is null ? null : ThinkingLevels.FromConfig(JsonValue.Create(configured));

    private static string Workspace(LocalState state, string? configured) =>
        string.IsNullOrWhiteSpace(configured)
            ? state.Paths.DefaultWorkspace
            : Path.GetFullPath(state.Paths.ExpandHome(configured.Trim()), state.Context.WorkingDirectory);
}
