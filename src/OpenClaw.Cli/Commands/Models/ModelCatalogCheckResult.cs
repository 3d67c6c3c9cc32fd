namespace OpenClaw.Cli.Commands.Models;

/// <summary>Whether a model could be checked against a local catalog.</summary>
public enum ModelCatalogCheckResult
{
    /// <summary>The model is in the bundled, configured or cached catalog.</summary>
    Found,

    /// <summary>No cached catalog to check against; the model was accepted as typed.</summary>
    NotChecked,
}
