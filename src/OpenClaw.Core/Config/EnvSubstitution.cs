using System.Text.Json.Nodes;
using OpenClaw.Core.State;

namespace OpenClaw.Core.Config;

/// <summary><c>${VAR}</c> substitution in config strings (CLI spec §9).</summary>
public static class EnvSubstitution
{
    /// <summary>
    /// Replaces <c>${NAME}</c> (<c>[A-Z_][A-Z0-9_]*</c>) with the variable's value and <c>${NAME:-default}</c> with the value or
    /// the default; <c>$${NAME}</c> yields the literal <c>${NAME}</c>; anything else with <c>$</c> is kept. A missing or empty
    /// variable (without default) leaves the reference as written and calls <paramref name="missing"/> with its name.
    /// </summary>
    public static string Substitute(string value, EnvironmentVariables environment, Action<string>? missing = null) => throw new NotImplementedException();

    /// <summary>
    /// A copy of <paramref name="node"/> with every string substituted; <paramref name="warning"/> receives
    /// <c>Config (&lt;file&gt;): missing env var "&lt;VAR&gt;" at &lt;config path&gt; - feature using this value will be unavailable</c>.
    /// </summary>
    public static JsonNode? SubstituteAll(JsonNode? node, EnvironmentVariables environment, string fileDisplayPath, Action<string>? warning = null) => throw new NotImplementedException();
}
