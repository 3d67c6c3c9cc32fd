using System.Text.Json.Nodes;

namespace OpenClaw.Core.Json5;

/// <summary>Reads JSON5 text (https://spec.json5.org) into <see cref="JsonNode"/>s.</summary>
/// <remarks>
/// <para>One extension: <c>_</c> may separate digits in numbers (<c>180_000</c>, <c>0xFF_FF</c>), because OpenClaw's own documentation writes them.</para>
/// <para>
/// Numbers become <see cref="JsonValue"/>s over a <see cref="System.Text.Json.JsonElement"/> holding the canonical JSON text
/// (<c>+5</c> is 5, <c>.5</c> is 0.5, <c>0x1F</c> is 31), so big integers and long fractions keep their exact value.
/// Hex numbers must fit in 64 bits. <c>Infinity</c>, <c>-Infinity</c> and <c>NaN</c> become double values,
/// which cannot be written back as JSON; validators that need a finite number must refuse them.
/// </para>
/// <para>A key given twice keeps its first position and its last value. Unpaired surrogates in strings are refused,
/// since System.Text.Json cannot hold them. Nesting is limited to <see cref="MaxDepth"/> objects and arrays.</para>
/// </remarks>
public static class Json5Reader
{
    /// <summary>How deeply objects and arrays may nest.</summary>
    public const int MaxDepth = Json5Parser.MaxDepth;

    /// <summary>Parses one JSON5 value (null for the literal <c>null</c>); throws <see cref="Json5Exception"/> naming the position of the first error.</summary>
    /// <param name="text">The whole document.</param>
    /// <param name="sourceName">The file name shown in error messages, or null for <c>&lt;input&gt;</c>.</param>
    public static JsonNode? Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Json5Parser(text, sourceName).ParseDocument();
    }
}
