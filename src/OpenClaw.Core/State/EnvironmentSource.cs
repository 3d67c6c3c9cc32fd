namespace OpenClaw.Core.State;

/// <summary>Where an environment variable's value came from, as shown to the user (never the value itself).</summary>
public sealed record EnvironmentSource(string Description)
{
    /// <summary>The process environment.</summary>
    public static EnvironmentSource Process { get; } = new("env");

    /// <summary>A <c>.env</c> file (shown with <c>~</c> for the home directory).</summary>
    public static EnvironmentSource DotEnv(string displayPath) => new(displayPath);

    /// <summary>The config file's <c>env</c> block.</summary>
    public static EnvironmentSource ConfigEnv { get; } = new("config env");

    public override string ToString() => Description;
}
