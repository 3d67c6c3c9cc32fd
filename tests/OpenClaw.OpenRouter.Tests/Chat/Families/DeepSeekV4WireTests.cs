using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Errors;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;
using OpenClaw.OpenRouter.Tests.Support;
using static OpenClaw.OpenRouter.Tests.Chat.Families.FamilyWire;

namespace OpenClaw.OpenRouter.Tests.Chat.Families;

/// <summary>
/// DeepSeek V4 through the wire (§10): on the verified route replayed answers get <c>reasoning_content:""</c> while thinking is
/// on and lose <c>reasoning_content</c> when it is off; one-shot completions map the requested level straight to an effort.
/// Behind any other base URL none of that happens, and the emulator's upstream rule shows why the backfill exists.
/// </summary>
public sealed class DeepSeekV4WireTests
{
    private const string Model = "openrouter/deepseek/deepseek-v4-flash";
    private const string ApiId = "deepseek/deepseek-v4-flash";

    private const string MissingReasoningContent =
        """{"error":{"message":"The reasoning_content in the thinking mode must be passed back to the API.","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}""";

    /// <summary>The catalog row without a <c>reasoning</c> object (efforts unknown), as a configured row.</summary>
    private static readonly OpenRouterModelInfo UnknownEffortsRow = new()
    {
        Id = ApiId, Name = "DeepSeek: DeepSeek V4 Flash", Reasoning = true, SupportsTools = true, ContextWindow = 1_048_576, MaxTokens = 393_216,
    };

    /// <summary>The first turn, run live with the default level: a tool call, then the answer to its result.</summary>
    private sealed record ToolTurn(OpenRouterChatResult Call, OpenRouterChatResult Answer)
    {
        public OpenRouterToolCall ToolCall => Assert.Single(Call.ToolCalls);

        public IReadOnlyList<OpenRouterMessage> History =>
        [
            OpenRouterMessage.User("Please read notes.txt"),
            OpenRouterMessage.FromResult(Call),
            OpenRouterMessage.ToolResult(ToolCall.Id, "notes: buy milk"),
            OpenRouterMessage.FromResult(Answer),
        ];

        /// <summary>The tool-call assistant message as §10 shows it: its reasoning text, never a backfill.</summary>
        public string WireToolCallMessage =>
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":" + WireCalls([ToolCall]) + ",\"reasoning\":" + Str(ThinkingText(Call)) + "}";

        public string WireAnswer(bool backfill) =>
            "{\"role\":\"assistant\",\"content\":" + Str(Answer.Text) + ",\"reasoning\":" + Str(ThinkingText(Answer))
            + (backfill ? ",\"reasoning_content\":\"\"}" : "}");

        public string WireToolResult => "{\"role\":\"tool\",\"tool_call_id\":" + Str(ToolCall.Id) + ",\"content\":\"notes: buy milk\"}";
    }

    private static async Task<ToolTurn> RunToolTurnAsync(ClientHarness harness)
    {
        var user = OpenRouterMessage.User("Please read notes.txt");
        var call = await StreamAsync(harness, new OpenRouterChatRequest { Model = Model, Messages = [user], Tools = Tools() });
        Assert.Equal("read", Assert.Single(call.ToolCalls).Name);
        Assert.NotEmpty(call.Thinking);
        var answer = await StreamAsync(harness, new OpenRouterChatRequest
        {
            Model = Model,
            Messages = [user, OpenRouterMessage.FromResult(call), OpenRouterMessage.ToolResult(call.ToolCalls[0].Id, "notes: buy milk")],
            Tools = Tools(),
        });
        Assert.Empty(answer.ToolCalls);
        Assert.NotEmpty(answer.Thinking);
        return new ToolTurn(call, answer);
    }

    private static string Body(TestRoute route, IEnumerable<string> messages, string effort, bool tools = true) =>
        "{\"model\":\"deepseek/deepseek-v4-flash\",\"messages\":[" + string.Join(',', messages) + "]," + Stream(route)
        + (tools ? "\"tools\":" + WireTools + ",\"tool_choice\":\"auto\"," : "")
        + "\"max_completion_tokens\":393216,\"reasoning\":{\"effort\":\"" + effort + "\"}}";

    [Theory]
    [InlineData(null, "high", true)]
    [InlineData("xhigh", "xhigh", true)]
    [InlineData("off", "none", false)]
    public async Task On_the_verified_route_the_follow_up_turn_replays_as_observed_and_is_accepted(string? level, string effort, bool backfill)
    {
        await using var harness = await ClientHarness.StartAsync();
        var turn = await RunToolTurnAsync(harness);

        var followUp = await StreamAsync(harness, new OpenRouterChatRequest
        {
            Model = Model,
            Messages = [.. turn.History, OpenRouterMessage.User("Thanks.")],
            Tools = Tools(),
            Thinking = level is null ? null : new ThinkingLevel(level),
        });

        Assert.Equal(level != "off", followUp.Thinking.Count > 0);
        var sent = harness.ChatRequests;
        Assert.Equal(3, sent.Count);
        AssertHeaders(sent[2], TestRoute.Canonical);
        // Within the tool loop: the tool-call message keeps its reasoning text and gets no backfill.
        Assert.Equal(Body(TestRoute.Canonical, ["""{"role":"user","content":"Please read notes.txt"}""", turn.WireToolCallMessage, turn.WireToolResult], "high"),
            sent[1].BodyText);
        Assert.Equal(
            Body(TestRoute.Canonical,
                ["""{"role":"user","content":"Please read notes.txt"}""", turn.WireToolCallMessage, turn.WireToolResult, turn.WireAnswer(backfill),
                    """{"role":"user","content":"Thanks."}"""],
                effort),
            sent[2].BodyText);
    }

    [Theory]
    [InlineData(TestRoute.OtherOpenRouterHost)]
    [InlineData(TestRoute.Local)]
    [InlineData(TestRoute.Custom)]
    public async Task Behind_any_other_base_the_same_history_goes_without_backfill_and_thinking_DeepSeek_rejects_it(TestRoute route)
    {
        await using var harness = await ClientHarness.StartAsync(route);
        var turn = await RunToolTurnAsync(harness);

        var error = await StreamFailsAsync<OpenRouterBadRequestException>(harness, new OpenRouterChatRequest
        {
            Model = Model,
            Messages = [.. turn.History, OpenRouterMessage.User("Thanks.")],
            Tools = Tools(),
        });

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Provider returned error", error.ErrorMessage);
        Assert.Equal("DeepSeek", error.ProviderName);
        Assert.Equal(MissingReasoningContent, error.RawError);
        var sent = harness.ChatRequests;
        Assert.Equal(3, sent.Count);
        AssertHeaders(sent[2], route);
        // The catalog declares efforts, so the builder's effort goes out on every route.
        Assert.Equal(
            Body(route,
                ["""{"role":"user","content":"Please read notes.txt"}""", turn.WireToolCallMessage, turn.WireToolResult, turn.WireAnswer(backfill: false),
                    """{"role":"user","content":"Thanks."}"""],
                "high"),
            sent[2].BodyText);
    }

    private static IReadOnlyList<OpenRouterMessage> NativeHistory =>
    [
        OpenRouterMessage.User("What does it say?"),
        OpenRouterMessage.Assistant("It says contents.", thinking: [new ThinkingBlock("Summarise.", "reasoning_content")]),
        OpenRouterMessage.User("Thanks."),
    ];

    [Theory]
    [InlineData(TestRoute.Canonical, null, "high", """{"role":"assistant","content":"It says contents.","reasoning_content":"Summarise."}""")]
    [InlineData(TestRoute.Canonical, "off", "none", """{"role":"assistant","content":"It says contents."}""")]
    [InlineData(TestRoute.Custom, "off", "none", """{"role":"assistant","content":"It says contents.","reasoning_content":"Summarise."}""")]
    public async Task Reasoning_content_is_kept_while_thinking_and_stripped_when_off_on_the_verified_route_only(TestRoute route, string? level, string effort, string assistant)
    {
        await using var harness = await ClientHarness.StartAsync(route);

        await StreamAsync(harness, new OpenRouterChatRequest { Model = Model, Messages = NativeHistory, Thinking = level is null ? null : new ThinkingLevel(level) });

        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal(
            Body(route, ["""{"role":"user","content":"What does it say?"}""", assistant, """{"role":"user","content":"Thanks."}"""], effort, tools: false),
            sent.BodyText);
    }

    [Fact]
    public async Task The_short_alias_goes_out_as_the_full_id_and_gets_the_DeepSeek_rules()
    {
        await using var harness = await ClientHarness.StartAsync();

        await StreamAsync(harness, new OpenRouterChatRequest
        {
            Model = "openrouter/deepseek-v4-flash",
            Messages = [OpenRouterMessage.User("hi"), OpenRouterMessage.Assistant("hello"), OpenRouterMessage.User("again")],
        });

        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal(
            """{"model":"deepseek/deepseek-v4-flash","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello","reasoning_content":""},{"role":"user","content":"again"}],"stream":true,"max_completion_tokens":393216,"reasoning":{"effort":"high"}}""",
            sent.BodyText);
    }

    public static TheoryData<TestRoute, bool, string, ThinkingLevelSource, string> OneShotCases => new()
    {
        // Verified route, one-shot: the requested level maps straight to the effort (§10, all observed).
        { TestRoute.Canonical, true, "xhigh", ThinkingLevelSource.Explicit, "xhigh" },
        { TestRoute.Canonical, true, "low", ThinkingLevelSource.Explicit, "high" },
        { TestRoute.Canonical, true, "off", ThinkingLevelSource.Explicit, "none" },
        // A one-shot passes the requested level straight to the mapping, max included (§10, observed); only agent turns reject it.
        { TestRoute.Canonical, true, "max", ThinkingLevelSource.Explicit, "xhigh" },
        { TestRoute.Canonical, true, "max", ThinkingLevelSource.Configured, "xhigh" },
        // An agent turn clamps first: xhigh arrives as high.
        { TestRoute.Canonical, false, "xhigh", ThinkingLevelSource.Explicit, "high" },
        // Behind a proxy only the generic builder runs (§7.3, efforts unknown).
        { TestRoute.Custom, true, "xhigh", ThinkingLevelSource.Explicit, "high" },
        { TestRoute.Custom, true, "low", ThinkingLevelSource.Explicit, "low" },
        { TestRoute.Custom, true, "off", ThinkingLevelSource.Explicit, "none" },
        { TestRoute.Local, true, "max", ThinkingLevelSource.Configured, "high" },
    };

    [Theory]
    [MemberData(nameof(OneShotCases))]
    public async Task With_unknown_efforts_one_shot_completions_map_the_requested_level_on_the_verified_route(
        TestRoute route, bool oneShot, string level, ThinkingLevelSource source, string effort)
    {
        await using var harness = await ClientHarness.StartAsync(route, options => options.Models.Add(UnknownEffortsRow));

        var result = await harness.Client.CompleteChatAsync(new OpenRouterChatRequest
        {
            Model = Model,
            Messages = [OpenRouterMessage.User("Say hi.")],
            Thinking = new ThinkingLevel(level),
            ThinkingSource = source,
            OneShot = oneShot,
        }, TestContext.Current.CancellationToken);

        Assert.Equal("Echo: Say hi.", result.Text);
        var sent = Assert.Single(harness.ChatRequests);
        AssertHeaders(sent, route);
        Assert.Equal(
            "{\"model\":\"deepseek/deepseek-v4-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi.\"}],\"stream\":false,\"max_completion_tokens\":393216,\"reasoning\":{\"effort\":\""
            + effort + "\"}}",
            sent.BodyText);
    }

    [Theory]
    [InlineData("low", "high")]
    [InlineData("max", "xhigh")]
    [InlineData("off", "none")]
    public async Task With_catalog_efforts_one_shot_completions_are_not_clamped_by_the_thinking_profile(string level, string effort)
    {
        // The catalog declares [xhigh, high]: a profile clamp would turn `low` into `off` (`none`). A one-shot takes the builder's
        // mapping instead: no declared effort ranks at or below `low`, so the lowest declared one, `high`, is sent (CLI spec §7).
        await using var harness = await ClientHarness.StartAsync(TestRoute.Canonical);

        await harness.Client.CompleteChatAsync(new OpenRouterChatRequest
        {
            Model = Model,
            Messages = [OpenRouterMessage.User("Say hi.")],
            Thinking = new ThinkingLevel(level),
            OneShot = true,
        }, TestContext.Current.CancellationToken);

        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal("{\"effort\":\"" + effort + "\"}", System.Text.Json.Nodes.JsonNode.Parse(sent.BodyText)!["reasoning"]!.ToJsonString());
    }

    [Fact]
    public async Task An_explicit_max_is_rejected_before_sending_in_an_agent_turn()
    {
        await using var harness = await ClientHarness.StartAsync(TestRoute.Canonical, options => options.Models.Add(UnknownEffortsRow));

        var error = await Assert.ThrowsAsync<ThinkingLevelNotSupportedException>(() => harness.Client.CompleteChatAsync(new OpenRouterChatRequest
        {
            Model = Model,
            Messages = [OpenRouterMessage.User("Say hi.")],
            Thinking = ThinkingLevel.Max,
        }, TestContext.Current.CancellationToken));

        Assert.Equal("Thinking level \"max\" is not supported for openrouter/deepseek/deepseek-v4-flash. Use one of: off, minimal, low, medium, high, xhigh.", error.Message);
        Assert.Empty(harness.ChatRequests);
    }
}
