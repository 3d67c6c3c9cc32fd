using System.Text.Json.Nodes;
using System.Text.Json;
using OpenClaw.OpenRouter.Emulator.Http;

namespace OpenClaw.OpenRouter.Emulator;

/// <summary>The models the emulator serves: the rows of <c>GET /models</c> and <c>GET /videos/models</c>,
/// in OpenRouter's own JSON shape. Which rows exist and what they declare (reasoning, tools, modalities,
/// pricing) drives how the emulator answers requests for them.</summary>
/// <remarks>Immutable; swap a whole catalog with <see cref="OpenRouterEmulator.Catalog"/>.</remarks>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelRow> _byId;

    private ModelCatalog(JsonArray models, JsonArray videoModels)
    {
        Models = models;
        VideoModels = videoModels;
        _byId = new Dictionary<string, ModelRow>(StringComparer.Ordinal);
        foreach (var node in models)
        {
            if (node is JsonObject row && JsonHttp.String(row["id"]) is { Length: > 0 } id)
            {
                _byId[id] = new ModelRow(row, FindVideoRow(videoModels, id));
            }
        }
    }

    /// <summary>The catalog bundled with the emulator: every model the OpenClaw documentation and spec name.</summary>
    public static ModelCatalog Bundled { get; } = new(LoadResource("models.json"), LoadResource("video-models.json"));

    /// <summary>The <c>/models</c> rows, all of them: rows without a usable id are served too (clients must skip them) but
    /// cannot be called.</summary>
    internal JsonArray Models { get; }

    /// <summary>The <c>/videos/models</c> rows.</summary>
    internal JsonArray VideoModels { get; }

    /// <summary>The ids of every model row, in catalog order.</summary>
    public IReadOnlyList<string> Ids => [.. _byId.Keys];

    /// <summary>Builds a catalog from <c>{"data":[…]}</c> documents (or bare arrays) shaped like OpenRouter's.</summary>
    /// <exception cref="JsonException">A document is not JSON of that shape.</exception>
    public static ModelCatalog FromJson(string modelsJson, string? videoModelsJson = null)
        => new(ParseRows(modelsJson), videoModelsJson is null ? (JsonArray)Bundled.VideoModels.DeepClone() : ParseRows(videoModelsJson));

    /// <summary>This catalog with <paramref name="row"/> added, replacing any row with the same id.</summary>
    public ModelCatalog With(JsonObject row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = JsonHttp.String(row["id"]) ?? throw new ArgumentException("A model row needs an \"id\".", nameof(row));
        var models = new JsonArray();
        foreach (var existing in Models)
        {
            if (!string.Equals(JsonHttp.String(existing.Prop("id")), id, StringComparison.Ordinal))
            {
                models.Add(existing?.DeepClone());
            }
        }
        models.Add(row.DeepClone());
        return new ModelCatalog(models, (JsonArray)VideoModels.DeepClone());
    }

    /// <summary>This catalog without the row <paramref name="id"/>.</summary>
    public ModelCatalog Without(string id)
    {
        var models = new JsonArray();
        foreach (var existing in Models)
        {
            if (!string.Equals(JsonHttp.String(existing.Prop("id")), id, StringComparison.Ordinal))
            {
                models.Add(existing?.DeepClone());
            }
        }
        return new ModelCatalog(models, (JsonArray)VideoModels.DeepClone());
    }

    /// <summary>A copy of the row <paramref name="id"/> (a <c>:variant</c> suffix is ignored), or <see langword="null"/>.</summary>
    public JsonObject? Find(string id) => Resolve(id)?.Json.DeepClone().AsObject();

    internal ModelRow? Resolve(string id)
    {
        if (_byId.TryGetValue(id, out var row))
        {
            return row;
        }
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && _byId.TryGetValue(id[..colon], out row) ? row : null;
    }

    internal IEnumerable<ModelRow> Rows => _byId.Values;

    private static JsonObject? FindVideoRow(JsonArray videoModels, string id)
        => videoModels.OfType<JsonObject>().FirstOrDefault(v => string.Equals(JsonHttp.String(v["id"]), id, StringComparison.Ordinal));

    private static JsonArray ParseRows(string json)
    {
        var node = JsonNode.Parse(json);
        return node switch
        {
            JsonArray array => array,
            JsonObject { } obj when obj["data"] is JsonArray data => (JsonArray)data.DeepClone(),
            _ => throw new JsonException("A catalog must be {\"data\":[…]} or an array of model rows."),
        };
    }

    private static JsonArray LoadResource(string name)
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream("OpenClaw.OpenRouter.Emulator.Catalog." + name)
            ?? throw new InvalidOperationException($"The emulator's bundled {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return ParseRows(reader.ReadToEnd());
    }
}
