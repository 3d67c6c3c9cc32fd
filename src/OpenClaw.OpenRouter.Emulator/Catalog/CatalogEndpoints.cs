using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator.Catalog;

/// <summary><c>GET /models</c> (filtered by <c>output_modalities</c>), <c>GET /videos/models</c> and <c>GET /images/models</c>.</summary>
internal sealed class CatalogEndpoints(EmulatorState state)
{
    public Task ModelsAsync(HttpContext context)
    {
        var filter = context.Request.Query["output_modalities"].ToString();
        var wanted = filter.Length == 0 ? ["text"] : filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var all = wanted.Contains("all", StringComparer.OrdinalIgnoreCase);
        var data = new JsonArray();
        foreach (var row in state.Catalog.Models)
        {
            var outputs = row.Prop("architecture").Prop("output_modalities") as JsonArray ?? [];
            if (all || outputs.Any(m => JsonHttp.String(m) is { } modality && wanted.Contains(modality, StringComparer.OrdinalIgnoreCase)))
            {
                data.Add(row?.DeepClone());
            }
        }
        return JsonHttp.WriteAsync(context, new JsonObject { ["data"] = data });
    }

    public Task VideoModelsAsync(HttpContext context)
        => JsonHttp.WriteAsync(context, new JsonObject { ["data"] = state.Catalog.VideoModels.DeepClone() });

    public Task ImageModelsAsync(HttpContext context)
    {
        var data = new JsonArray();
        foreach (var row in state.Catalog.Rows.Where(r => r.OutputsImage))
        {
            data.Add(new JsonObject
            {
                ["id"] = row.Id,
                ["name"] = row.Json["name"]?.DeepClone(),
                ["created"] = row.Json["created"]?.DeepClone(),
                ["output_modalities"] = new JsonArray([.. row.OutputModalities.Select(m => JsonValue.Create(m))]),
                ["supported_aspect_ratios"] = new JsonArray("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"),
                ["supported_resolutions"] = new JsonArray("1K", "2K", "4K"),
            });
        }
        return JsonHttp.WriteAsync(context, new JsonObject { ["data"] = data });
    }
}
