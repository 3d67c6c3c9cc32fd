using System.Globalization;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator;

/// <summary>The faults scripted for one request, and the generic ways of applying them that every endpoint shares.</summary>
internal sealed class ScriptedFaults(IReadOnlyList<FaultDirective> directives)
{
    public static ScriptedFaults None { get; } = new([]);

    public static ScriptedFaults Of(HttpContext context)
        => context.Items.TryGetValue(HttpItems.Faults, out var value) && value is IReadOnlyList<FaultDirective> list ? new ScriptedFaults(list) : None;

    public bool Any => directives.Count > 0;

    public FaultDirective? Find(string name) => directives.FirstOrDefault(d => d.Name == name);

    public bool Has(string name) => Find(name) is not null;

    /// <summary>Answers the faults that replace the whole response with an error; returns whether one did.</summary>
    public async Task<bool> TryWriteErrorResponseAsync(HttpContext context)
    {
        foreach (var fault in directives)
        {
            switch (fault.Name)
            {
                case FaultNames.RateLimit:
                    await WriteRateLimitAsync(context, fault).ConfigureAwait(false);
                    return true;
                case FaultNames.ServerError:
                    await ErrorEnvelope.WriteAsync(context, 500, "Internal Server Error").ConfigureAwait(false);
                    return true;
                case FaultNames.BadGateway:
                    await ErrorEnvelope.WriteAsync(context, 502, "Provider returned error", ProviderMetadata(fault, "upstream connect error or disconnect/reset before headers")).ConfigureAwait(false);
                    return true;
                case FaultNames.Unavailable:
                    if (fault.Parameters.ContainsKey("retry-after"))
                    {
                        context.Response.Headers.RetryAfter = fault.Number("retry-after", 1).ToString(CultureInfo.InvariantCulture);
                    }
                    await ErrorEnvelope.WriteAsync(context, 503, "Service temporarily unavailable").ConfigureAwait(false);
                    return true;
                case FaultNames.Status:
                    var status = (int)fault.Number("code", 500);
                    if (status is < 400 or > 599)
                    {
                        await ErrorEnvelope.WriteAsync(context, 400, $"Fault \"status\" needs code=<400-599>, got \"{fault.Text("code", "")}\".").ConfigureAwait(false);
                        return true;
                    }
                    if (fault.Parameters.ContainsKey("retry-after"))
                    {
                        context.Response.Headers.RetryAfter = fault.Number("retry-after", 1).ToString(CultureInfo.InvariantCulture);
                    }
                    await ErrorEnvelope.WriteAsync(context, status, fault.Text("message", ErrorEnvelope.Describe(status))).ConfigureAwait(false);
                    return true;
                case FaultNames.ErrorBody200:
                    var code = (int)fault.Number("code", 502);
                    await ErrorEnvelope.WriteAsync(context, 200, code, fault.Text("message", ErrorEnvelope.Describe(code)), ProviderMetadata(fault, "upstream error")).ConfigureAwait(false);
                    return true;
                default:
                    continue;
            }
        }
        return false;
    }

    /// <summary>The fault that damages a fully produced body, if any (video endpoints give <c>oversize</c> their own meaning).</summary>
    public FaultDirective? BodyFault(bool endpointOwnsOversize)
        => directives.FirstOrDefault(d => d.Name is FaultNames.Stall or FaultNames.Drop or FaultNames.MalformedJson
            || (d.Name == FaultNames.Oversize && !endpointOwnsOversize));

    public static async Task ApplyBodyFaultAsync(HttpContext context, FaultDirective fault, byte[] produced)
    {
        var response = context.Response;
        var half = produced.AsMemory(0, produced.Length / 2);
        switch (fault.Name)
        {
            case FaultNames.Oversize:
                // OpenRouter may send whitespace before a slow JSON body; a hostile server may send endless amounts.
                var padding = fault.Number("bytes", 64L * 1024 * 1024);
                response.ContentLength = padding + produced.Length;
                var spaces = new byte[64 * 1024];
                Array.Fill(spaces, (byte)' ');
                for (var left = padding; left > 0; left -= spaces.Length)
                {
                    await response.Body.WriteAsync(spaces.AsMemory(0, (int)Math.Min(spaces.Length, left)), context.RequestAborted).ConfigureAwait(false);
                }
                await response.Body.WriteAsync(produced, context.RequestAborted).ConfigureAwait(false);
                return;
            case FaultNames.MalformedJson:
                response.ContentLength = half.Length + 1;
                await response.Body.WriteAsync(half, context.RequestAborted).ConfigureAwait(false);
                await response.Body.WriteAsync("}"u8.ToArray(), context.RequestAborted).ConfigureAwait(false);
                return;
            case FaultNames.Drop:
                response.ContentLength = produced.Length;
                await response.Body.WriteAsync(half, context.RequestAborted).ConfigureAwait(false);
                await DropConnectionAsync(context).ConfigureAwait(false);
                return;
            case FaultNames.Stall:
                response.ContentLength = produced.Length;
                await response.Body.WriteAsync(half, context.RequestAborted).ConfigureAwait(false);
                await StallAsync(context, fault).ConfigureAwait(false);
                return;
            default:
                response.ContentLength = produced.Length;
                await response.Body.WriteAsync(produced, context.RequestAborted).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>Holds the connection open without sending a byte, then closes it without finishing the response.</summary>
    public static async Task StallAsync(HttpContext context, FaultDirective fault)
    {
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.Number("ms", 600_000)), context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await DropConnectionAsync(context).ConfigureAwait(false);
    }

    /// <summary>Ends the connection in the middle of the response, the way a dying peer or proxy does.</summary>
    /// <remarks>An abort alone sends a TCP reset, and a reset makes the client's kernel discard bytes the client has not read
    /// yet, so whether the partial answer arrives would depend on timing. Letting the sent bytes drain and then closing our
    /// side (FIN) delivers exactly the partial answer, followed by an end of stream in the middle of the body.</remarks>
    public static async Task DropConnectionAsync(HttpContext context)
    {
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await Task.Delay(DrainDelay, context.RequestAborted).ConfigureAwait(false);
        try
        {
            context.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The peer is already gone.
        }
        context.Abort();
    }

    private static readonly TimeSpan DrainDelay = TimeSpan.FromMilliseconds(200);

    public static JsonObject ProviderMetadata(FaultDirective fault, string raw) => new()
    {
        ["provider_name"] = fault.Text("provider", "Emulator"),
        ["raw"] = fault.Text("raw", raw),
    };

    private static async Task WriteRateLimitAsync(HttpContext context, FaultDirective fault)
    {
        var retryAfter = fault.Number("retry-after", 1);
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (fault.Flag("upstream", false))
        {
            var metadata = ProviderMetadata(fault, "{\"error\":{\"message\":\"Too many requests\"}}");
            metadata["retry_after_seconds"] = retryAfter;
            await ErrorEnvelope.WriteAsync(context, 429, "Provider returned error", metadata).ConfigureAwait(false);
            return;
        }
        var state = context.RequestServices.GetService(typeof(EmulatorState)) as EmulatorState;
        var now = state?.Time.GetUtcNow() ?? DateTimeOffset.UtcNow;
        var reset = now.AddSeconds(retryAfter).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Limit"] = "20";
        context.Response.Headers["X-RateLimit-Remaining"] = "0";
        context.Response.Headers["X-RateLimit-Reset"] = reset;
        var headers = new JsonObject { ["X-RateLimit-Limit"] = "20", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = reset };
        await ErrorEnvelope.WriteAsync(context, 429, fault.Text("message", "Rate limit exceeded: free-models-per-min."), new JsonObject { ["headers"] = headers, ["provider_name"] = null }).ConfigureAwait(false);
    }
}
