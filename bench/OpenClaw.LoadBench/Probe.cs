using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace OpenClaw.LoadBench;

/// <summary>
/// Checks, before anything is measured, that both paths get the whole answer and the same one, and records what goes over
/// the wire for the report: both request bodies, and the size of the stream each of them gets back.
/// </summary>
internal sealed record Probe(
    TextTally Reference,
    string BaselineBody,
    string OpenClawBody,
    IReadOnlyList<string> OpenClawHeaderNames,
    WireCapture BaselineWire,
    WireCapture OpenClawWire)
{
    /// <exception cref="InvalidOperationException">A path failed, or the paths disagree, or the emulator streamed something else than expected.</exception>
    public static async Task<Probe> RunAsync(Workload workload, BaselinePath baseline, OpenClawPath openClaw, CancellationToken cancellationToken)
    {
        var first = await baseline.RunAsync(cancellationToken).ConfigureAwait(false);
        if (first.Error is { } baselineError)
        {
            throw new InvalidOperationException($"The baseline request failed: {baselineError}");
        }
        if (first.Text.ContentChars != workload.ExpectedText.Length)
        {
            throw new InvalidOperationException(
                $"The emulator streamed {first.Text.ContentChars} text chars for model {workload.Model}; expected the echo of the prompt ({workload.ExpectedText.Length}). Pick a text model.");
        }
        var second = await openClaw.RunAsync(cancellationToken).ConfigureAwait(false);
        if (second.Error is { } openClawError)
        {
            throw new InvalidOperationException($"The OpenClaw request failed: {openClawError}");
        }
        if (second.Text != first.Text)
        {
            throw new InvalidOperationException($"The paths got different answers: baseline {first.Text}, OpenClaw {second.Text}. They must request the same thing.");
        }

        var prepared = await openClaw.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var baselineBody = workload.BaselineBody();
        var headers = prepared.Headers.Select(h => h.Key).ToList();
        var baselineHeaders = new List<KeyValuePair<string, string>> { new("Authorization", "Bearer " + Workload.ApiKey) };
        if (workload.Fault is { } fault)
        {
            baselineHeaders.Add(new(Workload.FaultHeader, fault));
        }
        var baselineWire = await CaptureAsync(baseline.Http, prepared.Endpoint, baselineBody, baselineHeaders, cancellationToken).ConfigureAwait(false);
        var openClawWire = await CaptureAsync(baseline.Http, prepared.Endpoint, prepared.BodyUtf8.ToArray(), prepared.Headers, cancellationToken).ConfigureAwait(false);
        return new Probe(first.Text, Encoding.UTF8.GetString(baselineBody), Encoding.UTF8.GetString(prepared.BodyUtf8.Span), headers, baselineWire, openClawWire);
    }

    /// <summary>Sends a body with the raw client and reads the whole stream, to count its bytes and events.</summary>
    private static async Task<WireCapture> CaptureAsync(HttpClient http, Uri endpoint, byte[] body, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n');
        return new WireCapture(
            (int)response.StatusCode,
            body.Length,
            bytes.Length,
            lines.Count(line => line.StartsWith("data:", StringComparison.Ordinal)),
            lines.Count(line => line.StartsWith(':')),
            elapsed);
    }
}
