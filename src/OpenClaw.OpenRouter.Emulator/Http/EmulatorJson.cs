using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenClaw.OpenRouter.Emulator.Http;

/// <summary>How the emulator writes JSON: escaping like OpenRouter's own (<c>\"</c>, not <c>\u0022</c>), money without trailing zeros.</summary>
internal static class EmulatorJson
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Rounds a USD amount to ten decimals and drops trailing zeros (<c>0.000063750</c> → <c>0.00006375</c>).</summary>
    public static decimal Money(decimal amount) => Math.Round(amount, 10, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;
}
