namespace OpenClaw.OpenRouter.Emulator.Media;

/// <summary>Reads a file embedded under <c>Media/Assets/</c>.</summary>
internal static class EmbeddedAsset
{
    public static byte[] Read(string fileName)
    {
        var resourceName = "OpenClaw.OpenRouter.Emulator.Media." + fileName;
        using var stream = typeof(EmbeddedAsset).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
