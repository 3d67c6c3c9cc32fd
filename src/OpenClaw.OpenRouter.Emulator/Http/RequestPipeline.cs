using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OpenClaw.OpenRouter.Emulator.Http;

/// <summary>The single terminal middleware of the emulator: records the request, authenticates it, picks the
/// scripted fault, and hands the request to its endpoint. Every failure leaves as an OpenRouter error
/// envelope; nothing leaves as a stack trace.</summary>
internal sealed class RequestPipeline(EmulatorState state, EndpointRouter router)
{
    public const string FaultHeader = "X-Emulator-Fault";
    private const long MaxBodyBytes = 64L * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await HandleAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            await ErrorEnvelope.WriteAsync(context, exception.StatusCode, exception.StatusCode == 413 ? "Payload too large" : "Invalid request").ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            await Console.Error.WriteLineAsync($"openrouter-emulator: {context.Request.Method} {context.Request.Path} failed: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            context.Response.Clear();
            await ErrorEnvelope.WriteAsync(context, 500, "Internal Server Error").ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/__emulator", StringComparison.Ordinal))
        {
            await router.AdminAsync(context, path).ConfigureAwait(false);
            return;
        }

        var bytes = await ReadBodyAsync(context).ConfigureAwait(false);
        if (bytes is null)
        {
            return;
        }
        var body = new RequestBody(bytes);
        context.Items[HttpItems.Body] = body;
        var onForeignOrigin = context.Connection.LocalPort == state.ForeignPort;
        var origin = onForeignOrigin ? state.ForeignOrigin! : state.Origin;
        state.Journal.Record(request.Method, origin, path, request.QueryString.Value ?? "", CollectHeaders(request.Headers), bytes);
        if (state.Options.LogRequests)
        {
            await Console.Error.WriteLineAsync($"openrouter-emulator: {request.Method} {origin}{path}{request.QueryString}").ConfigureAwait(false);
        }

        if (onForeignOrigin)
        {
            await router.ForeignAsync(context, path).ConfigureAwait(false);
            return;
        }
        if (!path.StartsWith(EndpointRouter.ApiPrefix, StringComparison.Ordinal))
        {
            await ErrorEnvelope.WriteAsync(context, 404, $"Not Found: {path}").ConfigureAwait(false);
            return;
        }

        var route = path[EndpointRouter.ApiPrefix.Length..].TrimEnd('/');
        if (!IsPublic(request.Method, route) && !await AuthenticateAsync(context, route).ConfigureAwait(false))
        {
            return;
        }

        var faults = await SelectFaultsAsync(context, path, body).ConfigureAwait(false);
        if (faults is null)
        {
            return;
        }
        context.Items[HttpItems.Faults] = faults;
        var scripted = new ScriptedFaults(faults);

        if (scripted.Find(FaultNames.SlowFirstByte) is { } slow)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(slow.Number("ms", 2000)), context.RequestAborted).ConfigureAwait(false);
        }
        if (await scripted.TryWriteErrorResponseAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var streamsItself = EndpointRouter.StreamsItself(request.Method, route, body);
        var bodyFault = streamsItself ? null : scripted.BodyFault(endpointOwnsOversize: EndpointRouter.OwnsOversize(request.Method, route));
        if (bodyFault is null)
        {
            await router.ApiAsync(context, route).ConfigureAwait(false);
            return;
        }

        // Produce the whole answer first, then damage it the way the fault says.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await router.ApiAsync(context, route).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
        await ScriptedFaults.ApplyBodyFaultAsync(context, bodyFault, buffer.ToArray()).ConfigureAwait(false);
    }

    private static bool IsPublic(string method, string route)
        => HttpMethods.IsGet(method) && (route == "/models" || route.StartsWith("/models/", StringComparison.Ordinal));

    private async Task<bool> AuthenticateAsync(HttpContext context, string route)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(authorization))
        {
            await ErrorEnvelope.WriteAsync(context, 401, "No auth credentials found").ConfigureAwait(false);
            return false;
        }
        const string bearer = "Bearer ";
        var key = authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : "";
        if (key.Length == 0 || !state.Keys.TryGet(key, out var profile))
        {
            await ErrorEnvelope.WriteAsync(context, 401, "User not found.").ConfigureAwait(false);
            return false;
        }
        context.Items[HttpItems.ApiKey] = key;
        context.Items[HttpItems.UserId] = profile.UserId;
        if (EndpointRouter.IsInference(context.Request.Method, route))
        {
            if (profile.OutOfCredits)
            {
                await ErrorEnvelope.WriteAsync(context, 402, "Insufficient credits. Add more using https://openrouter.ai/credits").ConfigureAwait(false);
                return false;
            }
            if (profile.KeyLimitReached)
            {
                await ErrorEnvelope.WriteAsync(context, 403, "Key limit exceeded").ConfigureAwait(false);
                return false;
            }
        }
        return true;
    }

    private async Task<IReadOnlyList<FaultDirective>?> SelectFaultsAsync(HttpContext context, string path, RequestBody body)
    {
        var header = context.Request.Headers[FaultHeader].ToString();
        if (header.Length > 0)
        {
            if (!FaultDirective.TryParseList(header, out var directives, out var error))
            {
                await ErrorEnvelope.WriteAsync(context, 400, error).ConfigureAwait(false);
                return null;
            }
            return directives;
        }
        var queued = state.Faults.Take(path, JsonHttp.String(body.Json.Prop("model")));
        return queued is null ? [] : [queued];
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await ErrorEnvelope.WriteAsync(context, 413, "Payload too large").ConfigureAwait(false);
            return null;
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Dictionary<string, string> CollectHeaders(IHeaderDictionary headers)
    {
        var collected = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            collected[name] = values.ToString();
        }
        return collected;
    }
}
