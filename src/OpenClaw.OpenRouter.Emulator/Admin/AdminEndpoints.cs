using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator.Admin;

/// <summary>The emulator's own control surface under <c>/__emulator</c>, for tests that run the emulator out of process:
/// the request journal, the fault queue, the catalog and the accepted keys.</summary>
internal sealed class AdminEndpoints(EmulatorState state)
{
    public async Task HandleAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        switch (path.TrimEnd('/'))
        {
            case "/__emulator/health" when HttpMethods.IsGet(method):
                await JsonHttp.WriteAsync(context, new JsonObject { ["ok"] = true, ["baseUrl"] = state.Origin + EndpointRouter.ApiPrefix, ["foreignOrigin"] = state.ForeignOrigin }).ConfigureAwait(false);
                return;
            case "/__emulator/journal" when HttpMethods.IsGet(method):
                await JsonHttp.WriteAsync(context, new JsonObject { ["entries"] = JournalJson(state.Journal.Entries) }).ConfigureAwait(false);
                return;
            case "/__emulator/journal" when HttpMethods.IsDelete(method):
                state.Journal.Clear();
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case "/__emulator/faults" when HttpMethods.IsGet(method):
                var pending = new JsonArray();
                foreach (var (rule, remaining) in state.Faults.Pending)
                {
                    pending.Add(new JsonObject { ["fault"] = rule.Directive.ToString(), ["path"] = rule.PathSuffix, ["model"] = rule.Model, ["remaining"] = remaining });
                }
                await JsonHttp.WriteAsync(context, new JsonObject { ["faults"] = pending }).ConfigureAwait(false);
                return;
            case "/__emulator/faults" when HttpMethods.IsPost(method):
                await EnqueueFaultAsync(context).ConfigureAwait(false);
                return;
            case "/__emulator/faults" when HttpMethods.IsDelete(method):
                state.Faults.Clear();
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case "/__emulator/catalog" when HttpMethods.IsPut(method):
                await ReplaceCatalogAsync(context).ConfigureAwait(false);
                return;
            case "/__emulator/catalog" when HttpMethods.IsDelete(method):
                state.Catalog = state.Options.Catalog ?? ModelCatalog.Bundled;
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case "/__emulator/keys" when HttpMethods.IsPost(method):
                await AddKeyAsync(context).ConfigureAwait(false);
                return;
            default:
                await ErrorEnvelope.WriteAsync(context, 404, $"Not Found: {method} {path}").ConfigureAwait(false);
                return;
        }
    }

    private async Task EnqueueFaultAsync(HttpContext context)
    {
        if (await ReadAdminBodyAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }
        if (JsonHttp.String(body["fault"]) is not { } text)
        {
            await ErrorEnvelope.WriteAsync(context, 400, "\"fault\" is required, e.g. {\"fault\":\"rate-limit; retry-after=2\"}.").ConfigureAwait(false);
            return;
        }
        if (!FaultDirective.TryParse(text, out var directive, out var error))
        {
            await ErrorEnvelope.WriteAsync(context, 400, error).ConfigureAwait(false);
            return;
        }
        var times = body["times"] is { } t && t.GetValueKind() == JsonValueKind.Number ? t.GetValue<int>() : 1;
        state.Faults.Enqueue(new FaultRule(directive, JsonHttp.String(body["path"]), JsonHttp.String(body["model"]), times));
        await JsonHttp.WriteAsync(context, new JsonObject { ["queued"] = directive.ToString() }, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private async Task ReplaceCatalogAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var json = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            state.Catalog = ModelCatalog.FromJson(json);
        }
        catch (JsonException exception)
        {
            await ErrorEnvelope.WriteAsync(context, 400, $"Invalid catalog: {exception.Message}").ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task AddKeyAsync(HttpContext context)
    {
        if (await ReadAdminBodyAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }
        if (JsonHttp.String(body["key"]) is not { Length: > 0 } key)
        {
            await ErrorEnvelope.WriteAsync(context, 400, "\"key\" is required.").ConfigureAwait(false);
            return;
        }
        state.Keys.Add(key, new ApiKeyProfile
        {
            Label = JsonHttp.String(body["label"]) ?? "emulator",
            Limit = JsonHttp.Number(body["limit"]) is { } limit ? (decimal)limit : null,
            LimitReset = JsonHttp.String(body["limitReset"]),
            OutOfCredits = JsonHttp.IsTrue(body["outOfCredits"]),
            KeyLimitReached = JsonHttp.IsTrue(body["keyLimitReached"]),
            IsManagementKey = JsonHttp.IsTrue(body["management"]),
        });
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task<JsonObject?> ReadAdminBodyAsync(HttpContext context)
    {
        try
        {
            if (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
        }
        await ErrorEnvelope.WriteAsync(context, 400, "The body must be a JSON object.").ConfigureAwait(false);
        return null;
    }

    private static JsonArray JournalJson(IReadOnlyList<JournalEntry> entries)
    {
        var array = new JsonArray();
        foreach (var entry in entries)
        {
            var headers = new JsonObject();
            foreach (var (name, value) in entry.Headers)
            {
                headers[name] = value;
            }
            array.Add(new JsonObject
            {
                ["sequence"] = entry.Sequence,
                ["method"] = entry.Method,
                ["origin"] = entry.Origin,
                ["path"] = entry.Path,
                ["query"] = entry.Query,
                ["headers"] = headers,
                ["body"] = entry.BodyText,
            });
        }
        return array;
    }
}
