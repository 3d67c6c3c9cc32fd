namespace OpenClaw.Core.Config;

/// <summary>One agent: <c>agents.entries.&lt;id&gt;</c> or an <c>agents.list[]</c> item.</summary>
public sealed record AgentConfig(string Id)
{
    public string? Name { get; init; }

    /// <summary>As written (a leading <c>~</c> not yet expanded).</summary>
    public string? Workspace { get; init; }

    public string? AgentDir { get; init; }

    /// <summary><c>identity.name</c>.</summary>
    public string? IdentityName { get; init; }

    /// <summary>The agent's own model choice; <see cref="ModelSelection.None"/> when it uses the defaults.</summary>
    public ModelSelection Model { get; init; } = ModelSelection.None;

    /// <summary>The agent's <c>thinkingDefault</c>, which beats the model's and <c>agents.defaults.thinkingDefault</c>.</summary>
    public string? ThinkingDefault { get; init; }
}
