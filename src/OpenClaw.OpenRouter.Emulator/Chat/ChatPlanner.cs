using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using OpenClaw.OpenRouter.Emulator.Http;
using OpenClaw.OpenRouter.Emulator.Media;

namespace OpenClaw.OpenRouter.Emulator.Chat;

/// <summary>Decides what a model answers. Every answer is a function of the request alone: the echo of the last user
/// message, a tool call when the user names a tool (or the model always calls one), a summary of tool results,
/// images when image output is requested, and reasoning when the model reasons.</summary>
internal static class ChatPlanner
{
    public const int ImageTokensPerImage = 1290;

    public static CompletionPlan Plan(ChatRequest request, EmulatorState state, ScriptedFaults faults)
    {
        var row = request.Row;
        var id = state.NextGenerationId();
        var userText = request.LastUserText();
        var toolCalls = PlanToolCalls(request, id, userText);
        var images = toolCalls.Count == 0 && request.WantsImages ? PlanImages(request, userText) : [];
        var content = toolCalls.Count > 0 ? ""
            : images.Count > 0 ? (images.Count == 1 ? "Here is your image." : $"Here are your {images.Count} images.")
            : ToolResultSummary(request) ?? "Echo: " + userText;

        var reasoning = request.ReasoningEnabled ? $"The user wrote \"{Snippet(userText)}\". {(toolCalls.Count > 0 ? $"I should call {toolCalls[0].Name}." : "I will answer directly.")}" : null;
        var reasoningTokens = reasoning is null ? 0 : TokenCount.Of(reasoning);

        var finishReason = toolCalls.Count > 0 ? "tool_calls" : "stop";
        var visibleTokens = TokenCount.Of(content) + toolCalls.Sum(c => TokenCount.Of(c.Name.Length + c.Arguments.Length));
        if (faults.Has(FaultNames.Length) || (request.MaxTokens is { } max && visibleTokens + reasoningTokens > max))
        {
            var budgetChars = faults.Has(FaultNames.Length) ? content.Length / 2 : Math.Max(0, ((request.MaxTokens ?? 0) - reasoningTokens) * 4);
            content = content[..Math.Min(content.Length, budgetChars)];
            toolCalls = [];
            images = [];
            finishReason = "length";
            visibleTokens = TokenCount.Of(content);
        }

        var imageTokens = images.Count * ImageTokensPerImage;
        var promptChars = request.Messages.ToJsonString().Length + (request.Tools.Count > 0 ? request.Tools.ToJsonString().Length : 0);
        var promptTokens = TokenCount.Of(promptChars) + request.InputImageCount() * 258;
        var (cached, written) = state.PromptCache.Observe(row.Id, request.Messages, request.Tools);
        cached = Math.Min(cached, promptTokens);
        written = Math.Min(written, promptTokens - cached);
        var completionTokens = visibleTokens + reasoningTokens + imageTokens;
        var promptCost = ((promptTokens - cached - written) * row.PromptPrice) + (cached * row.CacheReadPrice) + (written * row.CacheWritePrice);
        var completionCost = ((visibleTokens + reasoningTokens) * row.CompletionPrice) + (imageTokens * Math.Max(row.ImagePrice, row.CompletionPrice));

        var family = row.Author;
        return new CompletionPlan
        {
            Id = id,
            Created = state.UnixNow,
            Model = request.IsAutoRouted ? row.Id : request.RequestedModel,
            Provider = row.ProviderName,
            Reasoning = request.ReasoningExcluded ? null : reasoning,
            ReasoningField = faults.Has(FaultNames.ReasoningContentField) ? "reasoning_content" : "reasoning",
            ReasoningFormat = row.ReasoningFormat,
            ReasoningSignature = reasoning is not null && family == "anthropic" ? Base64Of("sig:" + id) : null,
            ReasoningAsSummary = family == "openai",
            EncryptedReasoning = reasoning is not null && family == "openai" ? Base64Of("enc:" + id) : null,
            Content = content,
            ToolCalls = toolCalls,
            Images = images,
            ImageShape = ImageShapeOf(faults),
            FinishReason = finishReason,
            NativeFinishReason = row.NativeFinishReason(finishReason),
            Usage = new UsagePlan(promptTokens, completionTokens, reasoningTokens, cached, written, imageTokens, EmulatorJson.Money(promptCost), EmulatorJson.Money(completionCost)),
        };
    }

    private static List<ToolCallPlan> PlanToolCalls(ChatRequest request, string generationId, string userText)
    {
        var tools = request.Tools.OfType<JsonObject>().ToList();
        if (tools.Count == 0 || LastRole(request) != "user")
        {
            return [];
        }
        var choice = request.ToolChoice;
        var choiceText = JsonHttp.String(choice);
        if (choiceText == "none")
        {
            return [];
        }
        JsonObject? tool = null;
        if (JsonHttp.String(choice.Prop("function").Prop("name")) is { } forced)
        {
            tool = tools.FirstOrDefault(t => JsonHttp.String(t["function"].Prop("name")) == forced);
        }
        tool ??= tools.FirstOrDefault(t => userText.Contains(JsonHttp.String(t["function"].Prop("name"))!, StringComparison.OrdinalIgnoreCase));
        if (tool is null && (choiceText == "required" || request.Row.Id == "emulator/tools"))
        {
            tool = tools[0];
        }
        if (tool is null)
        {
            return [];
        }
        var name = JsonHttp.String(tool["function"].Prop("name"))!;
        var serial = generationId[^6..];
        var callId = request.Row.Author switch
        {
            "anthropic" => $"toolu_emu{serial}",
            "google" => $"tool_0_{name}_{serial}",
            _ => $"call_emu{serial}",
        };
        var signature = request.Row.IsGemini && request.ReasoningEnabled ? Base64Of("thought:" + callId) : null;
        return [new ToolCallPlan(callId, name, ToolArguments.For(tool["function"].Prop("parameters"), userText), signature)];
    }

    private static string? ToolResultSummary(ChatRequest request)
    {
        if (LastRole(request) != "tool")
        {
            return null;
        }
        var results = new List<string>();
        for (var i = request.Messages.Count - 1; i >= 0 && JsonHttp.String(request.Messages[i].Prop("role")) == "tool"; i--)
        {
            var message = request.Messages[i]!;
            var callId = JsonHttp.String(message["tool_call_id"]);
            var name = request.Messages.OfType<JsonObject>()
                .SelectMany(m => m["tool_calls"] as JsonArray ?? [])
                .FirstOrDefault(c => JsonHttp.String(c.Prop("id")) == callId).Prop("function").Prop("name");
            results.Insert(0, $"Tool {JsonHttp.String(name) ?? callId} returned: {Snippet(ChatRequest.TextOf(message["content"]))}");
        }
        return string.Join("\n", results);
    }

    private static List<string> PlanImages(ChatRequest request, string prompt)
    {
        var (width, height) = ImageGeometry.Resolve(request.AspectRatio, request.ImageSize);
        var images = new List<string>(request.ImageCount);
        for (var i = 0; i < request.ImageCount; i++)
        {
            var png = PngImage.Create(width, height, StableHash(prompt + "#" + i.ToString(CultureInfo.InvariantCulture)));
            images.Add("data:image/png;base64," + Convert.ToBase64String(png));
        }
        return images;
    }

    /// <summary>The <c>shape</c> of an <c>image-shape</c> fault, or the default shape without one.</summary>
    /// <exception cref="ArgumentException">An unknown shape (the request fails with 500; the reason goes to stderr).</exception>
    private static string ImageShapeOf(ScriptedFaults faults)
    {
        if (faults.Find(FaultNames.ImageShape) is not { } fault)
        {
            return ImageShapes.Images;
        }
        var shape = fault.Text("shape", "").ToLowerInvariant();
        return ImageShapes.Faulted.Contains(shape)
            ? shape
            : throw new ArgumentException($"Fault \"{FaultNames.ImageShape}\" needs shape=<{string.Join("|", ImageShapes.Faulted)}>, got \"{shape}\".");
    }

    private static string? LastRole(ChatRequest request) => JsonHttp.String(request.Messages[^1].Prop("role"));

    private static string Snippet(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static string Base64Of(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>FNV-1a: stable across processes and runtimes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash;
    }
}
