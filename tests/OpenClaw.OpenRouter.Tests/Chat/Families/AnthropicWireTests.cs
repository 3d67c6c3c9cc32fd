using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Chat.Families.FamilyWire;

namespace OpenClaw.OpenRouter.Tests.Chat.Families;

/// <summary>
/// Anthropic through the wire: <c>cache_control</c> markers (§8) on OpenRouter endpoints only, the reasoning prefill drop (§9)
/// on the verified route only, and assistant replay without reasoning fields (§12.3) everywhere.
/// </summary>
public sealed class AnthropicWireTests
{
    private const string Model = "openrouter/anthropic/claude-sonnet-4.6";
    private const string Marker = """{"type":"ephemeral"}""";
    private const string LongMarker = """{"type":"ephemeral","ttl":"1h"}""";

    private const string PrefillWarning =
        "removed 1 trailing assistant prefill message(s) because OpenRouter-routed Anthropic reasoning requires conversations to end with a user turn";

    private static readonly OpenRouterMessage SystemPrompt = OpenRouterMessage.System("You are OpenClaw.", "Today is Monday.");

    /// <summary>
    /// The per-turn runtime-context message (never marked). The emulator answers the last user message, which is this one,
    /// so its text steers the emulator: naming <c>read</c> makes it call that tool.
    /// </summary>
    private static OpenRouterMessage RuntimeContext(string text) => new() { Role = OpenRouterRole.User, Text = text, CacheOptOut = true };

    private static string WireSystem(TestRoute route, string marker = Marker) => IsOpenRouterEndpoint(route)
        ? "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"You are OpenClaw.\",\"cache_control\":" + marker + "},{\"type\":\"text\",\"text\":\"Today is Monday.\"}]}"
        : """{"role":"system","content":"You are OpenClaw.\nToday is Monday."}""";

    private static string WireToolsFor(TestRoute route, string marker = Marker) => IsOpenRouterEndpoint(route)
        ? WireTools[..^2] + ",\"cache_control\":" + marker + "}]"
        : WireTools;

    /// <summary>A user or tool message: marked (its text becomes one marked text block) or plain.</summary>
    private static string Conversation(string head, string text, bool marked, string marker = Marker) => marked
        ? head + "\"content\":[{\"type\":\"text\",\"text\":" + Str(text) + ",\"cache_control\":" + marker + "}]}"
        : head + "\"content\":" + Str(text) + "}";

    private static string User(string text, bool marked = false) => Conversation("{\"role\":\"user\",", text, marked);

    private static string ToolMessage(string id, string text, bool marked) => Conversation("{\"role\":\"tool\",\"tool_call_id\":" + Str(id) + ",", text, marked);

    private static string Body(TestRoute route, IEnumerable<string> messages, string tools, string reasoning = """{"effort":"medium"}""") =>
        "{\"model\":\"anthropic/claude-sonnet-4.6\",\"messages\":[" + string.Join(',', messages) + "]," + Stream(route)
        + "\"tools\":" + tools + ",\"tool_choice\":\"auto\",\"max_completion_tokens\":128000,\"reasoning\":" + reasoning + "}";

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.OtherOpenRouterHost)]
    [InlineData(TestRoute.Local)]
    [InlineData(TestRoute.Custom)]
    public async Task A_tool_loop_and_two_more_turns_carry_the_observed_marker_layouts_on_OpenRouter_hosts_and_none_behind_proxies(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);
        var marks = IsOpenRouterEndpoint(route);
        var tools = Tools();
        OpenRouterChatRequest Request(params OpenRouterMessage[] messages) => new() { Model = Model, Messages = messages, Tools = tools };
        var user1 = OpenRouterMessage.User("Please look at notes.txt");

        // S U U: the first turn asks for the file.
        var first = await StreamAsync(harness, Request(SystemPrompt, user1, RuntimeContext("Runtime context: read notes.txt first.")));
        var call = Assert.Single(first.ToolCalls);
        Assert.Equal("read", call.Name);
        Assert.NotEmpty(first.Thinking);

        // S U A T U: the tool loop; the assistant replay carries no reasoning fields.
        var assistant1 = OpenRouterMessage.FromResult(first);
        var result1 = OpenRouterMessage.ToolResult(call.Id, "notes: buy milk");
        var second = await StreamAsync(harness, Request(SystemPrompt, user1, assistant1, result1, RuntimeContext("Runtime context: step 2.")));
        Assert.Empty(second.ToolCalls);

        // S U A T A U U: the next turn.
        var assistant2 = OpenRouterMessage.FromResult(second);
        var user3 = OpenRouterMessage.User("Thanks. Anything else?");
        var third = await StreamAsync(harness, Request(SystemPrompt, user1, assistant1, result1, assistant2, user3, RuntimeContext("Runtime context: step 3.")));

        // S U A T A U A U U.
        var assistant3 = OpenRouterMessage.FromResult(third);
        var user4 = OpenRouterMessage.User("Bye.");
        await StreamAsync(harness, Request(SystemPrompt, user1, assistant1, result1, assistant2, user3, assistant3, user4, RuntimeContext("Runtime context: step 4.")));

        var sent = harness.ChatRequests;
        Assert.Equal(4, sent.Count);
        foreach (var entry in sent)
        {
            AssertHeaders(entry, route);
        }
        var system = WireSystem(route);
        var wireTools = WireToolsFor(route);
        var wireAssistant1 = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":" + WireCalls([call]) + "}";
        var wireAssistant2 = "{\"role\":\"assistant\",\"content\":" + Str(second.Text) + "}";
        var wireAssistant3 = "{\"role\":\"assistant\",\"content\":" + Str(third.Text) + "}";
        Assert.Equal(
            Body(route, [system, User("Please look at notes.txt", marked: marks), User("Runtime context: read notes.txt first.")], wireTools),
            sent[0].BodyText);
        Assert.Equal(
            Body(route, [system, User("Please look at notes.txt"), wireAssistant1, ToolMessage(call.Id, "notes: buy milk", marked: marks), User("Runtime context: step 2.")], wireTools),
            sent[1].BodyText);
        Assert.Equal(
            Body(route, [system, User("Please look at notes.txt"), wireAssistant1, ToolMessage(call.Id, "notes: buy milk", marked: false), wireAssistant2,
                User("Thanks. Anything else?", marked: marks), User("Runtime context: step 3.")], wireTools),
            sent[2].BodyText);
        Assert.Equal(
            Body(route, [system, User("Please look at notes.txt"), wireAssistant1, ToolMessage(call.Id, "notes: buy milk", marked: false), wireAssistant2,
                User("Thanks. Anything else?"), wireAssistant3, User("Bye.", marked: marks), User("Runtime context: step 4.")], wireTools),
            sent[3].BodyText);

        // The markers are effective: the emulator's prompt cache wrote the marked prefix.
        Assert.Equal(marks, first.Usage!.CacheWriteTokens > 0);
    }

    [Theory]
    [InlineData(TestRoute.Canonical, "long", LongMarker)]
    [InlineData(TestRoute.OtherOpenRouterHost, "long", LongMarker)]
    [InlineData(TestRoute.Canonical, "short", Marker)]
    [InlineData(TestRoute.Canonical, "none", null)]
    [InlineData(TestRoute.Local, "long", null)]
    [InlineData(TestRoute.Custom, "long", null)]
    public async Task Cache_retention_sets_the_marker_ttl_or_turns_markers_off_and_never_reaches_the_body(TestRoute route, string retention, string? marker)
    {
        await using var harness = await ClientHarness.StartAsync(route);
        var request = new OpenRouterChatRequest
        {
            Model = Model,
            Messages = [SystemPrompt, OpenRouterMessage.User("hi")],
            Tools = Tools(),
            Params = new JsonObject { ["cacheRetention"] = retention },
        };

        await StreamAsync(harness, request);

        var sent = Assert.Single(harness.ChatRequests);
        var expected = marker is null
            ? Body(route, ["""{"role":"system","content":"You are OpenClaw.\nToday is Monday."}""", User("hi")], WireTools)
            : Body(route, [WireSystem(route, marker), Conversation("{\"role\":\"user\",", "hi", marked: true, marker)], WireToolsFor(route, marker));
        Assert.Equal(expected, sent.BodyText);
    }

    [Theory]
    [InlineData(TestRoute.Canonical, """{"role":"system","content":[{"type":"text","text":"You are OpenClaw.","cache_control":{"type":"ephemeral"}}]}""")]
    [InlineData(TestRoute.Custom, """{"role":"system","content":"You are OpenClaw."}""")]
    public async Task A_system_prompt_without_a_boundary_becomes_one_marked_block_on_OpenRouter_hosts_only(TestRoute route, string system)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        await StreamAsync(harness, new OpenRouterChatRequest { Model = Model, Messages = [OpenRouterMessage.System("You are OpenClaw."), OpenRouterMessage.User("hi")] });

        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal(system, Message(sent, 0));
        Assert.Equal(User("hi", marked: IsOpenRouterEndpoint(route)), Message(sent, 1));
        Assert.Null(sent.BodyJson!["tools"]);
    }

    [Fact]
    public async Task Markers_the_caller_placed_are_replaced_so_the_emulator_sees_three_whatever_was_sent()
    {
        await using var harness = await ClientHarness.StartAsync();
        static OpenRouterMessage MarkedUser(string text) => OpenRouterMessage.User(
            [OpenRouterContentPart.FromJson(new JsonObject { ["type"] = "text", ["text"] = text, ["cache_control"] = new JsonObject { ["type"] = "ephemeral" } })]);
        var request = new OpenRouterChatRequest
        {
            Model = Model,
            Messages =
            [
                SystemPrompt, MarkedUser("one"), OpenRouterMessage.Assistant("a"), MarkedUser("two"), OpenRouterMessage.Assistant("b"),
                MarkedUser("three"), OpenRouterMessage.Assistant("c"), MarkedUser("four"), OpenRouterMessage.Assistant("d"), MarkedUser("five"),
            ],
            Tools = Tools(),
        };

        await StreamAsync(harness, request);

        var sent = Assert.Single(harness.ChatRequests);
        static string Plain(string text) => "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}";
        static string Reply(string text) => "{\"role\":\"assistant\",\"content\":\"" + text + "\"}";
        Assert.Equal(
            Body(TestRoute.Canonical,
                [WireSystem(TestRoute.Canonical), Plain("one"), Reply("a"), Plain("two"), Reply("b"), Plain("three"), Reply("c"), Plain("four"), Reply("d"),
                    "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"five\",\"cache_control\":" + Marker + "}]}"],
                WireToolsFor(TestRoute.Canonical)),
            sent.BodyText);
    }

    private static OpenRouterChatRequest PrefillRequest(ThinkingLevel? thinking = null) => new()
    {
        Model = Model,
        Messages = [OpenRouterMessage.User("Write a haiku."), OpenRouterMessage.Assistant("Here is a haiku:")],
        Thinking = thinking,
    };

    private static string PrefillBody(TestRoute route, bool keepPrefill, string reasoning) =>
        "{\"model\":\"anthropic/claude-sonnet-4.6\",\"messages\":["
        + (IsOpenRouterEndpoint(route) ? User("Write a haiku.", marked: true) : User("Write a haiku."))
        + (keepPrefill ? """,{"role":"assistant","content":"Here is a haiku:"}""" : "")
        + "]," + Stream(route) + "\"max_completion_tokens\":128000,\"reasoning\":" + reasoning + "}";

    [Theory]
    [InlineData(null)]
    [InlineData(LegacyCanonical)]
    public async Task With_thinking_on_the_verified_route_drops_a_trailing_prefill_and_says_so(string? baseUrl)
    {
        var warnings = new List<string>();
        await using var harness = await ClientHarness.StartAsync(TestRoute.Canonical, options =>
        {
            options.BaseUrl = baseUrl ?? options.BaseUrl;
            options.Warning = warnings.Add;
        });

        var result = await StreamAsync(harness, PrefillRequest());

        Assert.Equal("Echo: Write a haiku.", result.Text);
        Assert.Equal([PrefillWarning], warnings);
        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal("/api/v1/chat/completions", sent.Path);
        AssertHeaders(sent, TestRoute.Canonical);
        Assert.Equal(PrefillBody(TestRoute.Canonical, keepPrefill: false, """{"effort":"medium"}"""), sent.BodyText);
    }

    [Theory]
    [InlineData(TestRoute.OtherOpenRouterHost)]
    [InlineData(TestRoute.Local)]
    [InlineData(TestRoute.Custom)]
    public async Task Off_the_verified_route_the_prefill_is_kept_and_the_upstream_rejection_arrives_typed(TestRoute route)
    {
        var warnings = new List<string>();
        await using var harness = await ClientHarness.StartAsync(route, options => options.Warning = warnings.Add);

        var error = await StreamFailsAsync<OpenRouterBadRequestException>(harness, PrefillRequest());

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Provider returned error", error.ErrorMessage);
        Assert.Equal("Anthropic", error.ProviderName);
        Assert.Equal(
            """{"type":"error","error":{"type":"invalid_request_error","message":"This model does not support assistant message prefill. The conversation must end with a user message when thinking is enabled."}}""",
            error.RawError);
        Assert.Empty(warnings);
        var sent = Assert.Single(harness.ChatRequests);
        AssertHeaders(sent, route);
        Assert.Equal(PrefillBody(route, keepPrefill: true, """{"effort":"medium"}"""), sent.BodyText);
    }

    [Theory]
    [InlineData(TestRoute.Canonical)]
    [InlineData(TestRoute.Custom)]
    public async Task With_thinking_off_the_prefill_is_kept_and_accepted(TestRoute route)
    {
        var warnings = new List<string>();
        await using var harness = await ClientHarness.StartAsync(route, options => options.Warning = warnings.Add);

        var result = await StreamAsync(harness, PrefillRequest(ThinkingLevel.Off));

        Assert.Empty(result.Thinking);
        Assert.Empty(warnings);
        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal(PrefillBody(route, keepPrefill: true, """{"effort":"none"}"""), sent.BodyText);
    }
}
