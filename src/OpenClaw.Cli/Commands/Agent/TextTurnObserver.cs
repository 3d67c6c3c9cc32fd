using System.Text;
using OpenClaw.Agent.Fallbacks;
using OpenClaw.Agent.Turns;
using OpenClaw.Cli.Hosting;
using OpenClaw.Cli.Rendering;

namespace OpenClaw.Cli.Commands.Agent;

/// <summary>
/// Renders a turn live: answer text on stdout as it arrives; reasoning (when shown), tool calls and fallbacks on stderr,
/// dimmed when colour is on, so stdout stays the answer alone.
/// </summary>
public sealed class TextTurnObserver(CliContext context, ReasoningDisplay reasoning, bool jsonMode) : IAgentTurnObserver
{
    private const int MaxToolTextLength = 200;

    private readonly StringBuilder _reasoning = new();
    private bool _stdoutMidLine;
    private bool _stderrMidLine;

    /// <summary>Whether any answer text reached stdout.</summary>
    public bool PrintedText { get; private set; }

    /// <inheritdoc/>
    public void OnText(string text)
    {
        if (jsonMode || string.IsNullOrEmpty(text))
        {
            return;
        }
        FlushReasoning();
        EndStderrLine();
        context.Out.Write(text);
        context.Out.Flush();
        PrintedText = true;
        _stdoutMidLine = text[^1] != '\n';
    }

    /// <inheritdoc/>
    public void OnReasoning(string text)
    {
        if (jsonMode || string.IsNullOrEmpty(text) || reasoning == ReasoningDisplay.Off)
        {
            return;
        }
        if (reasoning == ReasoningDisplay.On)
        {
            _reasoning.Append(text);
            return;
        }
        EndStdoutLine();
        context.Error.Write(Ansi.Dim(text, context.UseColor));
        context.Error.Flush();
        _stderrMidLine = text[^1] != '\n';
    }

    /// <inheritdoc/>
    public void OnToolCall(string name, string argumentsJson)
    {
        if (jsonMode)
        {
            return;
        }
        FlushReasoning();
        Note($"→ {name} {Shorten(argumentsJson)}");
    }

    /// <inheritdoc/>
    public void OnToolResult(string name, string resultText, bool isError)
    {
        if (!jsonMode)
        {
            Note($"← {name}{(isError ? " (error)" : "")}: {Shorten(resultText)}");
        }
    }

    /// <inheritdoc/>
    public void OnFallback(ModelAttempt failed, string nextModelRef)
    {
        ArgumentNullException.ThrowIfNull(failed);
        _reasoning.Clear();
        var reason = failed.Reason is { } why ? $" ({why})" : "";
        // Diagnostics go to stderr in both modes; in JSON mode stdout must stay one document.
        Note($"{failed.ModelRef} failed: {failed.Message}{reason}. Trying {nextModelRef}.", dim: false);
    }

    /// <summary>Ends the live output: finishes the answer's last line and prints what was not streamed (the truncation notice).</summary>
    public void Complete(AgentTurnResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        FlushReasoning();
        EndStderrLine();
        var printed = PrintedText;
        foreach (var payload in result.Payloads)
        {
            // The answer itself was streamed; only what the runner added after it (the truncation notice) is new.
            var isNotice = payload.Text == AgentPayload.TruncationNotice;
            if (printed && !isNotice)
            {
                continue;
            }
            EndStdoutLine();
            context.Out.WriteLine(payload.MediaUrl is { } media ? $"{payload.Text}\nMEDIA: {media}" : payload.Text);
        }
        EndStdoutLine();
    }

    /// <summary>Finishes a partly printed answer line, before an error or an abort is reported.</summary>
    public void Abandon()
    {
        _reasoning.Clear();
        EndStdoutLine();
        EndStderrLine();
    }

    private void FlushReasoning()
    {
        if (_reasoning.Length == 0)
        {
            return;
        }
        var text = _reasoning.ToString().Trim();
        _reasoning.Clear();
        if (text.Length > 0)
        {
            Note(text);
        }
    }

    private void Note(string line, bool dim = true)
    {
        EndStdoutLine();
        EndStderrLine();
        context.Error.WriteLine(dim ? Ansi.Dim(line, context.UseColor) : line);
        context.Error.Flush();
    }

    private void EndStdoutLine()
    {
        if (_stdoutMidLine)
        {
            context.Out.WriteLine();
            context.Out.Flush();
            _stdoutMidLine = false;
        }
    }

    private void EndStderrLine()
    {
        if (_stderrMidLine)
        {
            context.Error.WriteLine();
            _stderrMidLine = false;
        }
    }

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= MaxToolTextLength ? flat : string.Concat(flat.AsSpan(0, MaxToolTextLength), "…");
    }
}
