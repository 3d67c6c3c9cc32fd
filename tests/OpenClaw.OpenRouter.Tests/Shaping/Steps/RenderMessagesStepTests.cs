using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Shaping;
using OpenClaw.OpenRouter.Shaping.Steps;

namespace OpenClaw.OpenRouter.Tests.Shaping.Steps;

public sealed class RenderMessagesStepTests
{
    private static ChatPayloadContext Render(string model, IReadOnlyList<OpenRouterMessage> messages, string? baseUrl = PayloadContextsDefaults.Canonical, OpenRouterModelInfo? info = null)
    {
        var context = PayloadContexts.For(model, messages, baseUrl, info);
        new RenderMessagesStep().Apply(context);
        return context;
    }

    private static string Wire(ChatPayloadContext context) => WireJson.Serialize(context.Payload["messages"]);

    [Fact]
    public void Model_and_messages_come_first_with_the_api_id()
    {
        var context = Render("openrouter/anthropic/claude-sonnet-4.6", [OpenRouterMessage.User("hi")]);

        Assert.Equal("""{"model":"anthropic/claude-sonnet-4.6","messages":[{"role":"user","content":"hi"}]}""", WireJson.Serialize(context.Payload));
    }

    [Fact]
    public void A_system_prompt_with_a_cache_boundary_is_one_string_off_anthropic()
    {
        var context = Render("openai/gpt-5.5", [OpenRouterMessage.System("stable", "dynamic"), OpenRouterMessage.User("hi")]);

        Assert.Equal("""[{"role":"system","content":"stable\ndynamic"},{"role":"user","content":"hi"}]""", Wire(context));
        Assert.Null(context.PendingSystemSuffix);
    }

    [Theory]
    [InlineData(PayloadContexts.LocalProxy)]
    [InlineData(PayloadContexts.CustomProxy)]
    public void A_system_prompt_with_a_cache_boundary_is_one_string_on_anthropic_behind_a_proxy(string baseUrl)
    {
        var context = Render("anthropic/claude-sonnet-4.6", [OpenRouterMessage.System("stable", "dynamic")], baseUrl);

        Assert.Equal("""[{"role":"system","content":"stable\ndynamic"}]""", Wire(context));
    }

    [Fact]
    public void On_anthropic_over_openrouter_the_dynamic_part_waits_for_the_cache_step()
    {
        var context = Render("anthropic/claude-sonnet-4.6", [OpenRouterMessage.System("stable", "dynamic")]);

        Assert.Equal("""[{"role":"system","content":[{"type":"text","text":"stable"}]}]""", Wire(context));
        Assert.Equal("dynamic", context.PendingSystemSuffix);
    }

    [Fact]
    public void Developer_messages_go_out_as_system()
    {
        var context = Render("openai/gpt-5.5", [new OpenRouterMessage { Role = OpenRouterRole.Developer, Text = "rules" }]);

        Assert.Equal("""[{"role":"system","content":"rules"}]""", Wire(context));
    }

    [Fact]
    public void User_parts_keep_images_and_video()
    {
        var context = Render("openai/gpt-5.5",
        [
            OpenRouterMessage.User([OpenRouterContentPart.FromText("look"), OpenRouterContentPart.FromImageUrl("data:image/png;base64,AAAA"), OpenRouterContentPart.FromVideoUrl("data:video/mp4;base64,BBBB")]),
        ]);

        Assert.Equal(
            """[{"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}},{"type":"video_url","video_url":{"url":"data:video/mp4;base64,BBBB"}}]}]""",
            Wire(context));
    }

    [Fact]
    public void Assistant_thinking_is_replayed_under_the_field_it_came_from()
    {
        var context = Render("deepseek/deepseek-v4-flash",
        [
            OpenRouterMessage.Assistant("answer", thinking: [new ThinkingBlock("step 1", "reasoning_content"), new ThinkingBlock("", "reasoning"), new ThinkingBlock("step 2", "reasoning")]),
        ]);

        Assert.Equal("""[{"role":"assistant","content":"answer","reasoning_content":"step 1\nstep 2"}]""", Wire(context));
    }

    [Fact]
    public void Thought_signatures_replace_reasoning_details_thinking_and_sit_before_tool_calls()
    {
        const string signature = """{"type":"reasoning.encrypted","data":"c2ln","id":"tool_1","format":"google-gemini-v1","index":1}""";
        var context = Render("google/gemini-3.1-pro-preview",
        [
            OpenRouterMessage.Assistant(null, [new OpenRouterToolCall("tool_1", "get_weather", """{"city":"Paris"}""") { ThoughtSignature = signature }],
                [new ThinkingBlock("thinking", "reasoning_details")]),
        ]);

        Assert.Equal(
            """[{"role":"assistant","content":null,"reasoning_details":[""" + signature + """],"tool_calls":[{"id":"tool_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}]""",
            Wire(context));
    }

    [Fact]
    public void An_assistant_message_without_text_or_tool_calls_is_skipped()
    {
        var context = Render("openai/gpt-5.5", [OpenRouterMessage.User("a"), OpenRouterMessage.Assistant("", thinking: [new ThinkingBlock("t", "reasoning")]), OpenRouterMessage.User("b")]);

        Assert.Equal("""[{"role":"user","content":"a"},{"role":"user","content":"b"}]""", Wire(context));
    }

    [Fact]
    public void Empty_tool_results_say_no_output()
    {
        var context = Render("openai/gpt-5.5", [OpenRouterMessage.ToolResult("call_1", "")]);

        Assert.Equal("""[{"role":"tool","tool_call_id":"call_1","content":"(no output)"}]""", Wire(context));
    }

    [Fact]
    public void Images_from_tool_results_follow_in_a_user_message_for_image_capable_models()
    {
        var messages = new[]
        {
            OpenRouterMessage.Assistant(null, [new OpenRouterToolCall("call_1", "image_generate", "{}")]),
            new OpenRouterMessage { Role = OpenRouterRole.Tool, ToolCallId = "call_1", Parts = [OpenRouterContentPart.FromImageUrl("data:image/png;base64,AAAA")] },
        };
        var vision = new OpenRouterModelInfo { Id = "openai/gpt-5.5", Input = ["text", "image"] };

        var withImages = Render("openai/gpt-5.5", messages, info: vision);
        var textOnly = Render("openai/gpt-5.5", messages);

        Assert.Equal(
            """[{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"image_generate","arguments":"{}"}}]},{"role":"tool","tool_call_id":"call_1","content":"(see attached image)"},{"role":"user","content":[{"type":"text","text":"Image(s) from tool result #1 (image_generate):"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]""",
            Wire(withImages));
        Assert.Equal(2, textOnly.WireMessages.Count);
    }
}
