using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>A validated <c>POST /chat/completions</c> body.</summary>
internal sealed partial class ChatRequest
{
    private static readonly HashSet<string> Roles = ["system", "developer", "user", "assistant", "tool"];

    private ChatRequest(JsonObject body, string requestedModel, ModelRow row, JsonArray messages)
    {
        Body = body;
        RequestedModel = requestedModel;
        Row = row;
        Messages = messages;
    }

    public JsonObject Body { get; }

    /// <summary>The <c>model</c> as the client sent it.</summary>
    public string RequestedModel { get; }

    /// <summary>The catalog row that answers (for <c>openrouter/auto</c>, the routed model).</summary>
    public ModelRow Row { get; private set; }

    public bool IsAutoRouted { get; private set; }

    public JsonArray Messages { get; }

    public bool Stream { get; private set; }

    public JsonArray Tools { get; private set; } = [];

    public JsonNode? ToolChoice { get; private set; }

    public int? MaxTokens { get; private set; }

    public IReadOnlyList<string> Modalities { get; private set; } = [];

    public int ImageCount { get; private set; } = 1;

    public string? AspectRatio { get; private set; }

    public string? ImageSize { get; private set; }

    /// <summary>Whether the answering model reasons, and whether the reasoning is returned.</summary>
    public bool ReasoningEnabled { get; private set; }

    public bool ReasoningExcluded { get; private set; }

    public bool WantsImages => Modalities.Contains("image");

    public static bool TryParse(JsonObject body, ModelCatalog catalog, [NotNullWhen(true)] out ChatRequest? request, [NotNullWhen(false)] out EmulatorError? error)
    {
        request = null;
        if (JsonHttp.String(body["model"]) is not { Length: > 0 } model)
        {
            error = EmulatorError.BadRequest("Invalid request parameters: \"model\" is required and must be a string.");
            return false;
        }
        if (catalog.Resolve(model) is not { } row)
        {
            error = EmulatorError.BadRequest($"{model} is not a valid model ID");
            return false;
        }
        if (!TryReadMessages(body, out var messages, out error))
        {
            return false;
        }
        request = new ChatRequest(body, model, row, messages);
        if (!request.TryReadOptions(out error))
        {
            request = null;
            return false;
        }
        if (row.Id == "openrouter/auto")
        {
            request.Row = RouteAuto(request, catalog);
            request.IsAutoRouted = true;
        }
        if (!request.TryCheckEndpoint(out error))
        {
            request = null;
            return false;
        }
        request.ResolveReasoning();
        return true;
    }

    /// <summary>The text of the last user message (text parts joined with a newline).</summary>
    public string LastUserText()
    {
        for (var i = Messages.Count - 1; i >= 0; i--)
        {
            if (Messages[i] is JsonObject message && JsonHttp.String(message["role"]) == "user")
            {
                return TextOf(message["content"]);
            }
        }
        return "";
    }

    /// <summary>The text of a message's <c>content</c>: a string, or the text parts of an array joined with a newline.</summary>
    public static string TextOf(JsonNode? content) => content switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonArray parts => string.Join("\n", parts.OfType<JsonObject>().Where(p => JsonHttp.String(p["type"]) == "text").Select(p => JsonHttp.String(p["text"]) ?? "")),
        _ => "",
    };

    /// <summary>How many <c>image_url</c> parts the conversation carries.</summary>
    public int InputImageCount()
        => Messages.OfType<JsonObject>().Select(m => m["content"]).OfType<JsonArray>()
            .Sum(parts => parts.OfType<JsonObject>().Count(p => JsonHttp.String(p["type"]) == "image_url"));

    private static bool TryReadMessages(JsonObject body, out JsonArray messages, [NotNullWhen(false)] out EmulatorError? error)
    {
        messages = [];
        error = null;
        if (body["messages"] is null && JsonHttp.String(body["prompt"]) is { } prompt)
        {
            messages = [new JsonObject { ["role"] = "user", ["content"] = prompt }];
            return true;
        }
        if (body["messages"] is not JsonArray array || array.Count == 0)
        {
            error = EmulatorError.BadRequest("Input required: specify \"prompt\" or \"messages\"");
            return false;
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject message)
            {
                error = EmulatorError.BadRequest($"Invalid request parameters: messages[{i}] must be an object.");
                return false;
            }
            var role = JsonHttp.String(message["role"]);
            if (role is null || !Roles.Contains(role))
            {
                error = EmulatorError.BadRequest($"Invalid request parameters: messages[{i}].role must be one of system, developer, user, assistant, tool.");
                return false;
            }
            if (role == "tool" && JsonHttp.String(message["tool_call_id"]) is not { Length: > 0 })
            {
                error = EmulatorError.BadRequest($"Invalid request parameters: messages[{i}].tool_call_id is required for tool messages.");
                return false;
            }
            if (!IsValidContent(message["content"], role, message["tool_calls"] is JsonArray { Count: > 0 }, out var problem))
            {
                error = EmulatorError.BadRequest($"Invalid request parameters: messages[{i}].content {problem}.");
                return false;
            }
            if (message["tool_calls"] is { } calls && !AreValidToolCalls(calls))
            {
                error = EmulatorError.BadRequest($"Invalid request parameters: messages[{i}].tool_calls must be an array of {{id, type:\"function\", function:{{name, arguments}}}}.");
                return false;
            }
        }
        messages = array;
        return true;
    }

    private static bool IsValidContent(JsonNode? content, string role, bool hasToolCalls, out string problem)
    {
        problem = "";
        switch (content)
        {
            case null when role == "assistant":
            case JsonValue when content.GetValueKind() == JsonValueKind.Null && role == "assistant":
            case JsonValue when content.GetValueKind() == JsonValueKind.String:
                return true;
            case JsonArray parts:
                foreach (var part in parts)
                {
                    var type = JsonHttp.String(part.Prop("type"));
                    var ok = type switch
                    {
                        "text" => JsonHttp.String(part!["text"]) is not null,
                        "image_url" => JsonHttp.String(part!["image_url"].Prop("url")) is { Length: > 0 },
                        "video_url" => JsonHttp.String(part!["video_url"].Prop("url")) is { Length: > 0 },
                        "input_audio" => JsonHttp.String(part!["input_audio"].Prop("data")) is not null,
                        "file" => part!["file"] is JsonObject,
                        _ => false,
                    };
                    if (!ok)
                    {
                        problem = $"has an invalid part (type \"{type ?? "missing"}\")";
                        return false;
                    }
                }
                return true;
            default:
                problem = hasToolCalls ? "must be a string, an array of parts, or null" : "is required (a string or an array of parts)";
                return false;
        }
    }

    private static bool AreValidToolCalls(JsonNode calls)
        => calls is JsonArray array && array.All(call => call is JsonObject c
            && JsonHttp.String(c["id"]) is { Length: > 0 }
            && JsonHttp.String(c["function"].Prop("name")) is { Length: > 0 }
            && JsonHttp.String(c["function"].Prop("arguments")) is not null);

    private bool TryReadOptions([NotNullWhen(false)] out EmulatorError? error)
    {
        error = null;
        if (Body["stream"] is { } stream && stream.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
        {
            error = EmulatorError.BadRequest("Invalid request parameters: \"stream\" must be a boolean.");
            return false;
        }
        Stream = JsonHttp.IsTrue(Body["stream"]);

        if (Body["tools"] is { } tools && tools.GetValueKind() != JsonValueKind.Null)
        {
            if (tools is not JsonArray toolArray)
            {
                error = EmulatorError.BadRequest("Invalid request parameters: \"tools\" must be an array.");
                return false;
            }
            foreach (var tool in toolArray)
            {
                var name = JsonHttp.String(tool.Prop("function").Prop("name"));
                if (JsonHttp.String(tool.Prop("type")) != "function" || name is null || !ToolName().IsMatch(name))
                {
                    error = EmulatorError.BadRequest($"Invalid request parameters: each tool must be {{type:\"function\", function:{{name}}}} with a name matching ^[a-zA-Z0-9_-]{{1,64}}$ (got \"{name}\").");
                    return false;
                }
            }
            Tools = toolArray;
        }
        ToolChoice = Body["tool_choice"];

        foreach (var key in (string[])["max_completion_tokens", "max_tokens"])
        {
            if (JsonHttp.IsNullOrAbsent(Body[key]))
            {
                continue;
            }
            if (Body[key]!.GetValueKind() != JsonValueKind.Number || !Body[key]!.AsValue().TryGetValue<int>(out var max) || max < 1)
            {
                error = EmulatorError.BadRequest($"Invalid request parameters: \"{key}\" must be an integer of at least 1.");
                return false;
            }
            MaxTokens ??= max;
        }

        if (Body["temperature"] is { } temperature && temperature.GetValueKind() != JsonValueKind.Null
            && (JsonHttp.Number(temperature) is not { } t || t < 0 || t > 2))
        {
            error = EmulatorError.BadRequest("Invalid request parameters: \"temperature\" must be a number between 0 and 2.");
            return false;
        }

        if (Body["reasoning"] is { } reasoning && reasoning.GetValueKind() != JsonValueKind.Null && reasoning is not JsonObject)
        {
            error = EmulatorError.BadRequest("Invalid request parameters: \"reasoning\" must be an object.");
            return false;
        }

        if (Body["modalities"] is { } modalities && modalities.GetValueKind() != JsonValueKind.Null)
        {
            if (modalities is not JsonArray list || list.Any(m => JsonHttp.String(m) is null))
            {
                error = EmulatorError.BadRequest("Invalid request parameters: \"modalities\" must be an array of strings.");
                return false;
            }
            Modalities = [.. list.Select(m => m!.GetValue<string>())];
        }

        if (JsonHttp.Number(Body["n"]) is { } n)
        {
            ImageCount = Math.Clamp((int)n, 1, 4);
        }
        if (Body["image_config"] is JsonObject imageConfig)
        {
            AspectRatio = JsonHttp.String(imageConfig["aspect_ratio"]);
            ImageSize = JsonHttp.String(imageConfig["image_size"]);
            if (AspectRatio is not null && !Media.ImageGeometry.IsValidAspectRatio(AspectRatio))
            {
                error = EmulatorError.BadRequest($"Invalid request parameters: image_config.aspect_ratio \"{AspectRatio}\" is not a valid aspect ratio.");
                return false;
            }
            if (ImageSize is not null && ImageSize is not ("1K" or "2K" or "4K"))
            {
                error = EmulatorError.BadRequest($"Invalid request parameters: image_config.image_size must be one of 1K, 2K, 4K (got \"{ImageSize}\").");
                return false;
            }
        }
        return true;
    }

    private bool TryCheckEndpoint([NotNullWhen(false)] out EmulatorError? error)
    {
        error = null;
        var wantsText = Modalities.Count == 0 || Modalities.Contains("text");
        if (!Row.OutputsText && !Row.OutputsImage)
        {
            error = new EmulatorError(404, $"No endpoints found for {RequestedModel}.");
            return false;
        }
        if ((WantsImages && !Row.OutputsImage) || (wantsText && !Row.OutputsText))
        {
            error = new EmulatorError(404, $"No endpoints found that support the requested output modalities: {string.Join(", ", Modalities.Count == 0 ? ["text"] : Modalities)}");
            return false;
        }
        if (Tools.Count > 0 && !Row.SupportsTools)
        {
            error = new EmulatorError(404, "No endpoints found that support tool use");
            return false;
        }
        return true;
    }

    private void ResolveReasoning()
    {
        if (!Row.SupportsReasoning)
        {
            return;
        }
        var reasoning = Body["reasoning"] as JsonObject;
        var effort = JsonHttp.String(reasoning.Prop("effort")) ?? JsonHttp.String(Body["reasoning_effort"]);
        var disabled = string.Equals(effort, "none", StringComparison.OrdinalIgnoreCase) || JsonHttp.IsFalse(reasoning.Prop("enabled"));
        var requested = effort is not null || JsonHttp.IsTrue(reasoning.Prop("enabled")) || JsonHttp.Number(reasoning.Prop("max_tokens")) is > 0;
        // DeepSeek V4 thinks unless told not to; other families think only when asked (or always, when mandatory).
        var thinksByDefault = Row.IsDeepSeekV4 && reasoning is null;
        ReasoningEnabled = Row.ReasoningMandatory || (!disabled && (requested || thinksByDefault));
        ReasoningExcluded = JsonHttp.IsTrue(reasoning.Prop("exclude"));
    }

    private static ModelRow RouteAuto(ChatRequest request, ModelCatalog catalog)
    {
        var preferred = request.Tools.Count > 0 ? "anthropic/claude-sonnet-4.6"
            : request.InputImageCount() > 0 ? "google/gemini-3.1-pro-preview"
            : "openai/gpt-5.5";
        return catalog.Resolve(preferred)
            ?? catalog.Rows.FirstOrDefault(r => r.Id != "openrouter/auto" && r.OutputsText && (request.Tools.Count == 0 || r.SupportsTools))
            ?? request.Row;
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex ToolName();
}
