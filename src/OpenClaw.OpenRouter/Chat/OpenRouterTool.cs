using System.Text.Json.Nodes;

namespace OpenClaw.OpenRouter.Chat;

/// <summary>A function tool offered to the model: <c>{type:"function", function:{name, description, parameters}}</c> (never <c>strict</c>).</summary>
/// <param name="Name">The function name, <c>[A-Za-z0-9_-]{1,64}</c>.</param>
/// <param name="Description">What it does, for the model.</param>
/// <param name="Parameters">The JSON schema of its arguments.</param>
public sealed record OpenRouterTool(string Name, string? Description, JsonObject? Parameters);
