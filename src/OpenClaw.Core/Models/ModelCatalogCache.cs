using System.Buffers;
using System.Globalization;
using System.Security;
using System.Text.Json;
using OpenClaw.Core.Files;
using OpenClaw.OpenRouter.Models;

namespace OpenClaw.Core.Models;

/// <summary>
/// The disk copy of OpenRouter's <c>GET /models</c> at <c>&lt;stateDir&gt;/cache/openrouter-models.json</c>:
/// <c>{"fetchedAt":"&lt;ISO&gt;","baseUrl":"…","data":[…rows as OpenRouter sent them…]}</c>, written atomically.
/// </summary>
public sealed class ModelCatalogCache
{
    private const string FetchedAtProperty = "fetchedAt";
    private const string BaseUrlProperty = "baseUrl";
    private const string DataProperty = "data";

    // Milliseconds and an explicit offset, the shape JavaScript's ISO strings and the current release's files use.
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    private static readonly AtomicWriteOptions WriteOptions = new()
    {
        FileMode = AtomicWriteOptions.OwnerOnlyFile,
        DirectoryMode = AtomicWriteOptions.OwnerOnlyDirectory,
    };

    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeToLive;

    public ModelCatalogCache(string path, TimeProvider? timeProvider = null, TimeSpan? timeToLive = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (timeToLive is { } ttl)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.Zero, nameof(timeToLive));
        }
        Path = path;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _timeToLive = timeToLive ?? DefaultTimeToLive;
    }

    /// <summary>How long a fetched catalog counts as fresh.</summary>
    public static TimeSpan DefaultTimeToLive { get; } = TimeSpan.FromHours(24);

    public string Path { get; }

    /// <summary>The cached catalog, or null when there is none or it cannot be read (a corrupt cache is ignored, never fatal).</summary>
    public CachedModelCatalog? Load()
    {
        using var document = LoadDocument();
        return document is null ? null : Read(document);
    }

    /// <summary>
    /// The catalog held by <paramref name="document"/> (as returned by <see cref="LoadDocument"/>), so a caller that needs
    /// both the raw rows and the read ones parses the file once; null when the document is not a cache file.
    /// </summary>
    public CachedModelCatalog? Read(JsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.RootElement;
        if (!IsCacheDocument(root, out var fetchedAt, out var baseUrl))
        {
            return null;
        }
        var age = _timeProvider.GetUtcNow() - fetchedAt;
        // A timestamp in the future (clock moved back, or a hand-edited file) would otherwise keep the cache fresh indefinitely.
        var isFresh = age >= TimeSpan.Zero && age < _timeToLive;
        return new CachedModelCatalog(CatalogRowReader.ReadCatalog(root, live: true), fetchedAt, baseUrl, isFresh);
    }

    /// <summary>
    /// Stores <paramref name="catalog"/> (a <c>{"data":[…]}</c> document) fetched now from <paramref name="baseUrl"/>.
    /// A document without a <c>data</c> array is stored as an empty catalog. Throws <see cref="Errors.OpenClawException"/>
    /// when the file cannot be written.
    /// </summary>
    public void Save(JsonElement catalog, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (catalog.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Expected a JSON object, got {catalog.ValueKind}.", nameof(catalog));
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(FetchedAtProperty, _timeProvider.GetUtcNow().ToString(TimestampFormat, CultureInfo.InvariantCulture));
            writer.WriteString(BaseUrlProperty, baseUrl);
            writer.WritePropertyName(DataProperty);
            writer.WriteStartArray();
            if (catalog.TryGetProperty(DataProperty, out var data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in data.EnumerateArray())
                {
                    row.WriteTo(writer);
                }
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        AtomicFile.Write(Path, buffer.WrittenSpan, WriteOptions);
    }

    /// <summary>The raw cached document's root (for seeding the capability resolver), or null.</summary>
    /// <remarks>The caller disposes the document. Null as well when the file exists but is not a cache file.</remarks>
    public JsonDocument? LoadDocument()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SecurityException or NotSupportedException or ArgumentException)
        {
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
        if (!IsCacheDocument(document.RootElement, out _, out _))
        {
            document.Dispose();
            return null;
        }
        return document;
    }

    private static bool IsCacheDocument(JsonElement root, out DateTimeOffset fetchedAt, out string baseUrl)
    {
        fetchedAt = default;
        baseUrl = "";
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(DataProperty, out var data) || data.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty(FetchedAtProperty, out var stamp) || stamp.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(stamp.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out fetchedAt))
        {
            return false;
        }
        if (root.TryGetProperty(BaseUrlProperty, out var url) && url.ValueKind == JsonValueKind.String)
        {
            baseUrl = url.GetString()!;
        }
        return true;
    }
}
