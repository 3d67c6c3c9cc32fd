using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Routing;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;
using static OpenClaw.OpenRouter.Tests.Shaping.PayloadContexts;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class AnthropicCacheControlStepTests
{
    private const string Claude = "anthropic/claude-sonnet-4.6";
    private const string SystemPrompt = "You are OpenClaw.";
    private const string Ephemeral = """{"type":"ephemeral"}""";

    private static readonly OpenRouterTool[] Tools =
    [
        new("write", "Write a file", new JsonObject { ["type"] = "object" }),
        new("read", "Read a file", new JsonObject { ["type"] = "object" }),
    ];

    /// <summary>
    /// Messages for a layout such as <c>SUATU</c>: an A before a T makes a tool call; the final U is the per-turn
    /// runtime-context message (cache opt-out).
    /// </summary>
    private static List<OpenRouterMessage> Layout(string pattern)
    {
        var messages = new List<OpenRouterMessage>();
        for (var i = 0; i < pattern.Length; i++)
        {
            messages.Add(pattern[i] switch
            {
                'S' => OpenRouterMessage.System(SystemPrompt),
                'U' when i == pattern.Length - 1 => OpenRouterMessage.User("[runtime context]") with { CacheOptOut = true },
                'U' => OpenRouterMessage.User($"user {i}"),
                'A' when i + 1 < pattern.Length && pattern[i + 1] == 'T' => OpenRouterMessage.Assistant(null, [new OpenRouterToolCall($"call_{i}", "read", "{}")]),
                'A' => OpenRouterMessage.Assistant($"assistant {i}"),
                'T' => OpenRouterMessage.ToolResult($"call_{i - 1}", $"result {i}"),
                var other => throw new ArgumentException($"unknown message kind {other}", nameof(pattern)),
            });
        }
        return messages;
    }

    private static ChatPayloadContext Run(IReadOnlyList<OpenRouterMessage> messages, string? baseUrl = OpenRouterBaseUrl.Canonical,
        JsonObject? parameters = null, string model = Claude, OpenRouterModelInfo? info = null)
    {
        var context = For(model, messages, baseUrl, info: info, parameters: parameters, level: ThinkingLevel.High, tools: Tools);
        ChatRequestPipeline.Run(context);
        return context;
    }

    /// <summary>Every marker in the payload as <c>tool:name</c>, <c>role[index]:block</c> or <c>role[index]</c>, checking each value.</summary>
    private static List<string> Markers(ChatPayloadContext context, string expectedMarker = Ephemeral)
    {
        var markers = new List<string>();
        void Check(JsonObject owner, string label)
        {
            if (owner["cache_control"] is { } marker)
            {
                AssertJson(expectedMarker, marker);
                markers.Add(label);
            }
        }
        foreach (var tool in context.Payload["tools"]?.AsArray() ?? new JsonArray())
        {
            Check(tool!.AsObject(), "tool:" + tool["function"]!["name"]);
        }
        var messages = context.WireMessages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i]!.AsObject();
            var label = $"{message["role"]}[{i}]";
            Check(message, label);
            if (message["content"] is JsonArray blocks)
            {
                for (var b = 0; b < blocks.Count; b++)
                {
                    Check(blocks[b]!.AsObject(), $"{label}:{b}");
                }
            }
        }
        return markers;
    }

    [Theory]
    [InlineData("SUU", "system[0]:0", "user[1]:0")]
    [InlineData("SUATU", "system[0]:0", "tool[3]:0")]
    [InlineData("SUATAUU", "system[0]:0", "user[5]:0")]
    [InlineData("SUATAUAUU", "system[0]:0", "user[7]:0")]
    public void ObservedLayouts(string layout, string systemMarker, string conversationMarker)
    {
        var context = Run(Layout(layout));

        Assert.Equal(["tool:write", systemMarker, conversationMarker], Markers(context));
    }

    [Fact]
    public void SystemUserUserWireShape()
    {
        var context = Run(Layout("SUU"));

        AssertJsonOrdered($$$"""
            [{"role":"system","content":[{"type":"text","text":"{{{SystemPrompt}}}","cache_control":{"type":"ephemeral"}}]},
             {"role":"user","content":[{"type":"text","text":"user 1","cache_control":{"type":"ephemeral"}}]},
             {"role":"user","content":"[runtime context]"}]
            """, context.Payload["messages"]);
        AssertJsonOrdered("""
            [{"type":"function","function":{"name":"read","description":"Read a file","parameters":{"type":"object"}}},
             {"type":"function","function":{"name":"write","description":"Write a file","parameters":{"type":"object"}},"cache_control":{"type":"ephemeral"}}]
            """, context.Payload["tools"]);
    }

    [Fact]
    public void ToolLoopMarksTheToolResult()
    {
        var context = Run(Layout("SUATU"));

        AssertJsonOrdered("""{"role":"tool","tool_call_id":"call_2","content":[{"type":"text","text":"result 3","cache_control":{"type":"ephemeral"}}]}""", Wire(context, 3));
        Assert.Equal("user 1", (string?)Wire(context, 1)["content"]);
        Assert.Null(Wire(context, 2)["content"]);
    }

    [Fact]
    public void EarlierUserMessageIsBackToAPlainString()
    {
        var context = Run(Layout("SUATAUU"));

        Assert.Equal("user 1", (string?)Wire(context, 1)["content"]);
        Assert.Equal("[runtime context]", (string?)Wire(context, 6)["content"]);
        AssertJsonOrdered("""[{"type":"text","text":"user 5","cache_control":{"type":"ephemeral"}}]""", Wire(context, 5)["content"]);
    }

    [Fact]
    public void CacheBoundarySplitsTheSystemPrompt()
    {
        var context = Run([OpenRouterMessage.System("stable part", "dynamic part"), OpenRouterMessage.User("hi")]);

        AssertJsonOrdered("""
            {"role":"system","content":[{"type":"text","text":"stable part","cache_control":{"type":"ephemeral"}},{"type":"text","text":"dynamic part"}]}
            """, Wire(context, 0));
        Assert.Null(context.PendingSystemSuffix);
        Assert.Equal(["tool:write", "system[0]:0", "user[1]:0"], Markers(context));
    }

    [Fact]
    public void LongRetentionUsesAnHourTtl()
    {
        var context = Run(Layout("SUU"), parameters: new JsonObject { ["cacheRetention"] = "long" });

        Assert.Equal(["tool:write", "system[0]:0", "user[1]:0"], Markers(context, """{"type":"ephemeral","ttl":"1h"}"""));
    }

    [Fact]
    public void ShortRetentionUsesThePlainMarker() =>
        Assert.Equal(["tool:write", "system[0]:0", "user[1]:0"], Markers(Run(Layout("SUU"), parameters: new JsonObject { ["cacheRetention"] = "short" })));

    [Theory]
    [InlineData(OpenRouterBaseUrl.Canonical)]
    [InlineData("https://openrouter.ai/v1/")]
    [InlineData(OtherOpenRouterUrl)]
    [InlineData(null)]
    public void MarkersOnOpenRouterEndpoints(string? baseUrl) =>
        Assert.Equal(["tool:write", "system[0]:0", "user[1]:0"], Markers(Run(Layout("SUU"), baseUrl)));

    [Theory]
    [InlineData(LocalProxy, Claude, null)]
    [InlineData(CustomProxy, Claude, null)]
    [InlineData(OpenRouterBaseUrl.Canonical, Claude, "none")]
    [InlineData(OpenRouterBaseUrl.Canonical, Claude, "NONE")]
    [InlineData(OpenRouterBaseUrl.Canonical, "openai/gpt-5.5", null)]
    [InlineData(OpenRouterBaseUrl.Canonical, "google/gemini-3.1-pro-preview", null)]
    public void NoMarkersAndASingleStringSystemPromptElsewhere(string? baseUrl, string model, string? cacheRetention)
    {
        var parameters = cacheRetention is null ? null : new JsonObject { ["cacheRetention"] = cacheRetention };
        var context = Run([OpenRouterMessage.System("stable part", "dynamic part"), OpenRouterMessage.User("hi"), OpenRouterMessage.User("ctx") with { CacheOptOut = true }],
            baseUrl, parameters, model);

        Assert.Empty(Markers(context));
        AssertJsonOrdered("""
            [{"role":"system","content":"stable part\ndynamic part"},{"role":"user","content":"hi"},{"role":"user","content":"ctx"}]
            """, context.Payload["messages"]);
    }

    [Fact]
    public void PendingSuffixIsAppendedEvenWhenNoMarkersApply()
    {
        var context = WithPayload(Claude, """{"messages":[{"role":"system","content":[{"type":"text","text":"stable"}]},{"role":"user","content":"hi"}]}""", LocalProxy);
        context.PendingSystemSuffix = "dynamic";

        new AnthropicCacheControlStep().Apply(context);

        AssertJsonOrdered("""[{"role":"system","content":[{"type":"text","text":"stable"},{"type":"text","text":"dynamic"}]},{"role":"user","content":"hi"}]""",
            context.Payload["messages"]);
        Assert.Null(context.PendingSystemSuffix);
    }

    [Fact]
    public void ExistingMarkersAreRemovedFirst()
    {
        var context = WithPayload(Claude, """
            {"messages":[
              {"role":"system","content":[{"type":"text","text":"a","cache_control":{"type":"ephemeral"}},{"type":"text","text":"b"}]},
              {"role":"user","content":[{"type":"text","text":"u1","cache_control":{"type":"ephemeral"}}]},
              {"role":"assistant","content":[{"type":"thinking","thinking":"t","cache_control":{"type":"ephemeral"}},{"type":"text","text":"a1","cache_control":{"type":"ephemeral"}}],
               "reasoning_details":[{"type":"reasoning.text","text":"t","cache_control":{"type":"ephemeral"}}],"cache_control":{"type":"ephemeral"}},
              {"role":"user","content":"u2"}],
             "tools":[{"type":"function","function":{"name":"a","cache_control":{"type":"ephemeral"}},"cache_control":{"type":"ephemeral"}},
                      {"type":"function","function":{"name":"b"}}]}
            """);

        new AnthropicCacheControlStep().Apply(context);

        AssertJsonOrdered("""
            {"messages":[
              {"role":"system","content":[{"type":"text","text":"a"},{"type":"text","text":"b","cache_control":{"type":"ephemeral"}}]},
              {"role":"user","content":[{"type":"text","text":"u1"}]},
              {"role":"assistant","content":[{"type":"thinking","thinking":"t"},{"type":"text","text":"a1"}],
               "reasoning_details":[{"type":"reasoning.text","text":"t"}]},
              {"role":"user","content":[{"type":"text","text":"u2","cache_control":{"type":"ephemeral"}}]}],
             "tools":[{"type":"function","function":{"name":"a"}},
                      {"type":"function","function":{"name":"b"},"cache_control":{"type":"ephemeral"}}]}
            """, context.Payload);
    }

    [Fact]
    public void CallerMarkersInPartsNeverExceedThreeMarkers()
    {
        var marked = OpenRouterContentPart.FromJson(new JsonObject { ["type"] = "text", ["text"] = "old", ["cache_control"] = new JsonObject { ["type"] = "ephemeral" } });
        var context = Run(
        [
            OpenRouterMessage.System(SystemPrompt),
            OpenRouterMessage.User([marked]),
            OpenRouterMessage.Assistant("ok"),
            OpenRouterMessage.User([marked, OpenRouterContentPart.FromText("new"), OpenRouterContentPart.FromText("")]),
            OpenRouterMessage.User("ctx") with { CacheOptOut = true },
        ]);

        Assert.Equal(["tool:write", "system[0]:0", "user[3]:1"], Markers(context));
    }

    [Fact]
    public void SkippedEmptyAssistantMessagesDoNotShiftTheOptOut()
    {
        var context = Run([OpenRouterMessage.System(SystemPrompt), OpenRouterMessage.User("hi"), OpenRouterMessage.Assistant(""), OpenRouterMessage.User("ctx") with { CacheOptOut = true }]);

        Assert.Equal(3, context.WireMessages.Count);
        Assert.Equal(["tool:write", "system[0]:0", "user[1]:0"], Markers(context));
    }

    [Fact]
    public void MessagesWithoutTextAreWalkedPast()
    {
        var context = Run(
        [
            OpenRouterMessage.System(SystemPrompt),
            OpenRouterMessage.User("look"),
            OpenRouterMessage.User([OpenRouterContentPart.FromImageUrl("data:image/png;base64,AAAA")]),
            OpenRouterMessage.User([OpenRouterContentPart.FromText("")]),
            OpenRouterMessage.Assistant("seen"),
            OpenRouterMessage.User("ctx") with { CacheOptOut = true },
        ]);

        Assert.Equal(["tool:write", "system[0]:0", "user[1]:0"], Markers(context));
    }

    [Fact]
    public void ToolResultImageMessagesAreOrdinaryUserMessages()
    {
        var info = new OpenRouterModelInfo { Id = Claude, Reasoning = true, Input = ["text", "image"] };
        var context = Run(
        [
            OpenRouterMessage.System(SystemPrompt),
            OpenRouterMessage.User("screenshot"),
            OpenRouterMessage.Assistant(null, [new OpenRouterToolCall("call_1", "read", "{}")]),
            new OpenRouterMessage { Role = OpenRouterRole.Tool, ToolCallId = "call_1", Parts = [OpenRouterContentPart.FromImageUrl("data:image/png;base64,AAAA")] },
            OpenRouterMessage.User("ctx") with { CacheOptOut = true },
        ], info: info);

        Assert.Equal("user", (string?)Wire(context, 4)["role"]);
        Assert.Equal(["tool:write", "system[0]:0", "user[4]:0"], Markers(context));
    }

    [Fact]
    public void AnOptOutToolResultSkipsItsImageMessageToo()
    {
        var info = new OpenRouterModelInfo { Id = Claude, Reasoning = true, Input = ["text", "image"] };
        var context = Run(
        [
            OpenRouterMessage.System(SystemPrompt),
            OpenRouterMessage.User("screenshot"),
            OpenRouterMessage.Assistant(null, [new OpenRouterToolCall("call_1", "read", "{}")]),
            new OpenRouterMessage { Role = OpenRouterRole.Tool, ToolCallId = "call_1", Parts = [OpenRouterContentPart.FromImageUrl("data:image/png;base64,AAAA")], CacheOptOut = true },
        ], info: info);

        Assert.Equal(["tool:write", "system[0]:0", "user[1]:0"], Markers(context));
    }

    [Fact]
    public void NoToolsMeansTwoMarkers()
    {
        var context = For(Claude, Layout("SUU"), level: ThinkingLevel.High);

        ChatRequestPipeline.Run(context);

        Assert.Equal(["system[0]:0", "user[1]:0"], Markers(context));
    }

    [Fact]
    public void DeveloperSystemMessagesAreMarkedAsTheSystemPrompt()
    {
        var context = Run([new OpenRouterMessage { Role = OpenRouterRole.Developer, Text = "rules" }, OpenRouterMessage.User("hi")]);

        AssertJsonOrdered("""{"role":"system","content":[{"type":"text","text":"rules","cache_control":{"type":"ephemeral"}}]}""", Wire(context, 0));
    }
}
