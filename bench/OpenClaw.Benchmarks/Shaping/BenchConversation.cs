using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OpenClaw.OpenRouter.Chat;
using OpenClaw.OpenRouter.Models;
using OpenClaw.OpenRouter.Reasoning;

namespace OpenClaw.Benchmarks.Shaping;

/// <summary>
/// A realistic agent conversation of exactly <see cref="MessageCount"/> messages, deterministic: a long system prompt with a
/// dynamic suffix (Anthropic's cache split), eight finished turns (user → assistant with thinking and one or two tool calls
/// → their results → assistant answer with thinking), then a running tool loop (user → assistant calling two tools → two results).
/// Tool results include file contents of several KB. Eight tools with real JSON schemas (nested objects, arrays, enums, and a
/// <c>type</c> + <c>anyOf</c> node that Kimi's schema rule rewrites). For Gemini, the running loop's tool calls carry thought
/// signatures, as OpenRouter returns them.
/// </summary>
public static class BenchConversation
{
    /// <summary>Messages in the conversation.</summary>
    public const int MessageCount = 40;

    /// <summary>Tools offered.</summary>
    public const int ToolCount = 8;

    private const int FinishedTurns = 8;

    private static readonly string[] Sentences =
    [
        "The stream reader folds each chunk into the accumulator before yielding the update. ",
        "Tool-call arguments arrive in fragments and are only parsed once the call is complete. ",
        "OpenRouter sends `: OPENROUTER PROCESSING` comments while the upstream provider is still thinking. ",
        "Costs are reported in US dollars with ten decimals; the CLI prints them rounded to six. ",
        "A failure after the first byte is never retried, because the caller may already have shown partial output. ",
        "Cache markers go on the last tool, the stable system block and one conversation message — at most three. ",
        "Gemini's thought signatures only survive within the tool loop that produced them. ",
        "Kimi rejects schema nodes that have both a `type` and an `anyOf`, so the type moves into each branch. ",
        "DeepSeek V4 takes its thinking switch from `reasoning.effort` alone. ",
        "The request body keeps its keys in the documented order so cache keys are stable across runs. ",
    ];

    /// <summary>The request for <paramref name="model"/>: the conversation, the tools, a configured thinking level of <c>high</c>.</summary>
    public static OpenRouterChatRequest Create(string model)
    {
        var gemini = ModelFamily.IsGemini(model);
        var messages = new List<OpenRouterMessage>(MessageCount)
        {
            OpenRouterMessage.System(Text(0, 6_000), dynamicSuffix: "Current time: 2026-05-07T09:14:00Z. Working directory: /home/dev/openclaw. Shell: bash."),
        };

        for (var turn = 0; turn < FinishedTurns; turn++)
        {
            var callId = CallId(turn, 0);
            messages.Add(OpenRouterMessage.User(UserPrompt(turn)) with { FromEarlierTurn = true });
            var (name, arguments) = ToolCallFor(turn);
            messages.Add(OpenRouterMessage.Assistant(
                "Let me look at that first.",
                [new OpenRouterToolCall(callId, name, arguments)],
                [new ThinkingBlock(Text(turn * 7 + 1, 900), "reasoning")]) with { FromEarlierTurn = true });
            messages.Add(OpenRouterMessage.ToolResult(callId, ToolOutput(turn, turn % 3 == 0 ? 8_000 : 1_500)) with { FromEarlierTurn = true });
            if (turn % 3 == 1)
            {
                // A second call of the same assistant turn is answered in the same batch of results.
                messages[^2] = messages[^2] with
                {
                    ToolCalls = [.. messages[^2].ToolCalls!, new OpenRouterToolCall(CallId(turn, 1), "grep", """{"pattern":"ApplyChunk","path":"src","include":"*.cs","max_results":50}""")],
                };
                messages.Add(OpenRouterMessage.ToolResult(CallId(turn, 1), ToolOutput(turn + 100, 1_200)) with { FromEarlierTurn = true });
            }
            messages.Add(OpenRouterMessage.Assistant(Text(turn * 11 + 3, 1_400), thinking: [new ThinkingBlock(Text(turn * 5 + 2, 600), "reasoning")])
                with { FromEarlierTurn = true });
        }

        // The running tool loop: the last user message, an assistant turn calling two tools, their results.
        messages.Add(OpenRouterMessage.User("Now apply the change to ChatResponseAccumulator.cs and run the streaming tests."));
        var edit = new OpenRouterToolCall("call_bench_loop_0", "edit_file",
            """{"path":"src/OpenClaw.OpenRouter/Streaming/ChatResponseAccumulator.cs","edits":[{"old_text":"private readonly StringBuilder _text = new();","new_text":"private readonly StringBuilder _text = new(capacity: 4096);"}],"dry_run":false}""")
        {
            ThoughtSignature = gemini ? Signature("call_bench_loop_0") : null,
        };
        var test = new OpenRouterToolCall("call_bench_loop_1", "exec",
            """{"command":"dotnet test --project tests/OpenClaw.OpenRouter.Tests -- --filter-query \"/*/OpenClaw.OpenRouter.Tests.Streaming/*/*\"","timeout_seconds":600,"cwd":"/home/dev/openclaw"}""")
        {
            ThoughtSignature = gemini ? Signature("call_bench_loop_1") : null,
        };
        messages.Add(OpenRouterMessage.Assistant(null, [edit, test], [new ThinkingBlock(Text(97, 800), "reasoning")]));
        messages.Add(OpenRouterMessage.ToolResult(edit.Id, "Applied 1 edit to src/OpenClaw.OpenRouter/Streaming/ChatResponseAccumulator.cs (+1 −1)."));
        messages.Add(OpenRouterMessage.ToolResult(test.Id, ToolOutput(999, 3_000)));

        if (messages.Count != MessageCount)
        {
            throw new InvalidOperationException($"The conversation has {messages.Count} messages, not {MessageCount}.");
        }

        return new OpenRouterChatRequest
        {
            Model = model,
            Messages = messages,
            Tools = Tools(),
            Thinking = ThinkingLevel.High,
            ThinkingSource = ThinkingLevelSource.Configured,
            SessionId = "bench-session-0001",
        };
    }

    /// <summary>The eight tools of a coding agent, with their argument schemas.</summary>
    public static IReadOnlyList<OpenRouterTool> Tools() =>
    [
        Tool("read_file", "Read a UTF-8 text file. Returns numbered lines; use offset/limit for large files.", """
            {"type":"object","properties":{
              "path":{"type":"string","description":"Path relative to the workspace root."},
              "offset":{"type":"integer","minimum":1,"description":"First line to read (1-based)."},
              "limit":{"type":"integer","minimum":1,"maximum":2000,"default":400}},
             "required":["path"],"additionalProperties":false}
            """),
        Tool("write_file", "Create or overwrite a file with the given content.", """
            {"type":"object","properties":{
              "path":{"type":"string"},
              "content":{"type":"string","description":"The whole new content."},
              "create_directories":{"type":"boolean","default":true}},
             "required":["path","content"],"additionalProperties":false}
            """),
        Tool("edit_file", "Replace exact text in a file. Each old_text must occur exactly once.", """
            {"type":"object","properties":{
              "path":{"type":"string"},
              "edits":{"type":"array","minItems":1,"items":{"type":"object","properties":{
                "old_text":{"type":"string"},"new_text":{"type":"string"}},"required":["old_text","new_text"],"additionalProperties":false}},
              "dry_run":{"type":"boolean","default":false}},
             "required":["path","edits"],"additionalProperties":false}
            """),
        Tool("exec", "Run a shell command in the workspace and return its exit code, stdout and stderr.", """
            {"type":"object","properties":{
              "command":{"type":"string"},
              "cwd":{"type":"string"},
              "timeout_seconds":{"type":"integer","minimum":1,"maximum":3600,"default":120},
              "env":{"type":"object","additionalProperties":{"type":"string"}},
              "background":{"type":"boolean"}},
             "required":["command"],"additionalProperties":false}
            """),
        Tool("grep", "Search file contents with a regular expression.", """
            {"type":"object","properties":{
              "pattern":{"type":"string","description":"A .NET regular expression."},
              "path":{"type":"string","default":"."},
              "include":{"type":"string","description":"Glob of files to search, e.g. *.cs"},
              "case_sensitive":{"type":"boolean","default":true},
              "max_results":{"type":"integer","minimum":1,"maximum":1000}},
             "required":["pattern"],"additionalProperties":false}
            """),
        Tool("glob", "List files matching glob patterns, newest first.", """
            {"type":"object","properties":{
              "patterns":{"type":"array","items":{"type":"string"},"minItems":1},
              "exclude":{"type":"array","items":{"type":"string"}}},
             "required":["patterns"],"additionalProperties":false}
            """),
        Tool("web_search", "Search the web. Returns titles, URLs and snippets.", """
            {"type":"object","properties":{
              "query":{"type":"string"},
              "count":{"type":"integer","minimum":1,"maximum":20,"default":5},
              "freshness":{"type":"string","enum":["day","week","month","year","any"]},
              "site":{"type":["string","null"]}},
             "required":["query"],"additionalProperties":false}
            """),
        Tool("web_fetch", "Fetch a URL and return its content as markdown or text.", """
            {"type":"object","properties":{
              "url":{"type":"string","format":"uri"},
              "format":{"type":"string","anyOf":[{"enum":["markdown","text"]},{"const":"html"}],"default":"markdown"},
              "max_chars":{"type":"integer","minimum":100,"maximum":200000},
              "headers":{"type":"object","additionalProperties":{"type":"string"}}},
             "required":["url"],"additionalProperties":false}
            """),
    ];

    private static OpenRouterTool Tool(string name, string description, string schema) =>
        new(name, description, JsonNode.Parse(schema)!.AsObject());

    private static string CallId(int turn, int index) => string.Create(CultureInfo.InvariantCulture, $"call_bench_{turn:D2}_{index}");

    private static (string Name, string Arguments) ToolCallFor(int turn) => (turn % 4) switch
    {
        0 => ("read_file", """{"path":"src/OpenClaw.OpenRouter/Streaming/ChatStreamReader.cs","offset":1,"limit":400}"""),
        1 => ("exec", """{"command":"dotnet build -c Release 2>&1 | tail -20","timeout_seconds":300}"""),
        2 => ("web_search", """{"query":"System.Net.ServerSentEvents SseParser allocation per event","count":5,"freshness":"year"}"""),
        _ => ("glob", """{"patterns":["src/**/*.cs","tests/**/*Tests.cs"],"exclude":["**/obj/**","**/bin/**"]}"""),
    };

    private static string UserPrompt(int turn) => (turn % 3) switch
    {
        0 => "Why does the stream reader copy each event's bytes before parsing? " + Text(turn, 300),
        1 => "Can you check whether the build still passes after that change?",
        _ => "Summarise what you found and propose the smallest fix. " + Text(turn + 40, 500),
    };

    /// <summary>A tool's output: a fake C# file listing with line numbers.</summary>
    private static string ToolOutput(int seed, int length)
    {
        var text = new StringBuilder(length + 200);
        var line = 1;
        while (text.Length < length)
        {
            text.Append(CultureInfo.InvariantCulture, $"{line,5}\t        ");
            text.Append(((line + seed) % 5) switch
            {
                0 => "if (delta.TryGetProperty(\"content\", out var content) && content.ValueKind == JsonValueKind.String)\n",
                1 => "{\n",
                2 => "    _text.Append(content.GetString());\n",
                3 => "}\n",
                _ => "// " + Sentences[(line + seed) % Sentences.Length].TrimEnd() + "\n",
            });
            line++;
        }
        return text.ToString();
    }

    /// <summary>About <paramref name="length"/> characters of prose.</summary>
    private static string Text(int seed, int length)
    {
        var text = new StringBuilder(length + 120);
        for (var i = seed; text.Length < length; i++)
        {
            text.Append(Sentences[i % Sentences.Length]);
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>A Gemini thought signature as OpenRouter returns it: a serialized <c>reasoning.encrypted</c> item.</summary>
    private static string Signature(string callId) =>
        $$"""{"type":"reasoning.encrypted","data":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(callId.Length, 300)))}}","id":"{{callId}}","format":"google-gemini-v1","index":1}""";
}
